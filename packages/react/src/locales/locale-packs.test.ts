import type { CreditMessages } from '@creditkit/react';
import { describe, expect, it } from 'vitest';
import { sayWithPlaceholders } from '../../test/support/placeholders';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ptBR } from './pt-br';

const packs = { de, fr, es, ja, 'pt-BR': ptBR };

function printedPlaceholders(phrase: (...args: never[]) => string): string[] {
  return [...new Set(sayWithPlaceholders(phrase).match(/⟪[^⟫]*⟫/g) ?? [])].sort();
}

type Entry = [group: string, key: string, english: unknown, translated: unknown];
function entries(pack: CreditMessages): Entry[] {
  return Object.entries(en).flatMap(([group, words]) =>
    Object.entries(words as Record<string, unknown>).map(([key, english]): Entry => {
      const translated = (pack[group as keyof CreditMessages] as Record<string, unknown>)[key];
      return [group, key, english, translated];
    }),
  );
}

describe.each(Object.entries(packs))('the %s pack', (_, pack) => {
  it('prints every value the English phrase prints, and no other (placeholders intact)', () => {
    for (const [group, key, english, translated] of entries(pack)) {
      if (typeof english !== 'function') continue;
      expect(typeof translated, `${group}.${key}`).toBe('function');
      expect(printedPlaceholders(translated as never), `${group}.${key}`).toEqual(
        printedPlaceholders(english as never),
      );
    }
  });

  it('has a non-empty string wherever English has one', () => {
    for (const [group, key, english, translated] of entries(pack)) {
      if (typeof english === 'string') expect(translated, `${group}.${key}`).toMatch(/\S/);
    }
  });
});

describe('plural forms, by each language’s Intl.PluralRules', () => {
  it('German: 1 Credit, 0 and 1,5 Credits', () => {
    expect(de.common.credits('1', 1)).toBe('1 Credit');
    expect(de.common.credits('0', 0)).toBe('0 Credits');
    expect(de.common.credits('1,5', 1.5)).toBe('1,5 Credits');
    expect(de.renewal.forfeits('1', 1)).toBe('1 Credit verfällt');
    expect(de.renewal.purchasedKept('2', 2)).toBe('2 gekaufte Credits verfallen nie');
  });

  it('French: the singular for 0, 1 and 1,5, the plural from 2', () => {
    expect(fr.common.credits('0', 0)).toBe('0 crédit');
    expect(fr.common.credits('1,5', 1.5)).toBe('1,5 crédit');
    expect(fr.common.credits('2', 2)).toBe('2 crédits');
    expect(fr.balance.spendable('1', 1)).toBe('1 crédit disponible');
  });

  it('Spanish: 1 crédito, 0 and 1,5 créditos', () => {
    expect(es.common.credits('1', 1)).toBe('1 crédito');
    expect(es.common.credits('0', 0)).toBe('0 créditos');
    expect(es.costBadge.total('2', 2, '1', 1)).toBe('≈2 créditos para 1 fila');
  });

  it('Brazilian Portuguese: the singular up to 1,5, as CLDR says for Brazil', () => {
    expect(ptBR.common.credits('1,5', 1.5)).toBe('1,5 crédito');
    expect(ptBR.common.credits('2', 2)).toBe('2 créditos');
  });

  it('Japanese: one form for every amount', () => {
    expect(ja.common.credits('1', 1)).toBe('1クレジット');
    expect(ja.common.credits('1,000', 1000)).toBe('1,000クレジット');
    expect(new Intl.PluralRules('ja').resolvedOptions().pluralCategories).toEqual(['other']);
  });
});
