// Checked by `pnpm typecheck` (tsc), never run: a pack that misses a key, misspells one or gets a phrase's
// parameters wrong does not compile, so no language can ship with English holes or a broken placeholder.
import type { CreditMessages } from '@creditkit/react';
import { describe, expectTypeOf, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ptBR } from './pt-br';

const { free: _free, ...costBadgeWithoutFree } = de.costBadge;
const { fillRate: _fillRate, ...withoutFillRate } = de;

describe('locale packs', () => {
  it('are complete CreditMessages, every one of the six', () => {
    for (const pack of [en, de, fr, es, ja, ptBR]) expectTypeOf(pack).toEqualTypeOf<CreditMessages>();
  });

  it('refuse a pack that misses a string', () => {
    // @ts-expect-error: costBadge.free is missing
    ({ ...de, costBadge: costBadgeWithoutFree }) satisfies CreditMessages;
  });

  it('refuse a pack that misses a whole group', () => {
    // @ts-expect-error: the fillRate group is missing
    withoutFillRate satisfies CreditMessages;
  });

  it('refuse a misspelt key', () => {
    // @ts-expect-error: `fre` is no key of costBadge
    ({ ...de, costBadge: { ...de.costBadge, fre: 'Kostenlos' } }) satisfies CreditMessages;
  });

  it('refuse a phrase that takes other placeholders than the English one', () => {
    const confirmBelowSpent = (limit: number) => `${limit}`;
    // @ts-expect-error: spendLimit.confirmBelowSpent receives two formatted amounts, not a number
    ({ ...de, spendLimit: { ...de.spendLimit, confirmBelowSpent } }) satisfies CreditMessages;
    // @ts-expect-error: a string where the phrase needs the amount
    ({ ...de, common: { ...de.common, credits: 'Credits' } }) satisfies CreditMessages;
  });
});
