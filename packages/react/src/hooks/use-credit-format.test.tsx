import { type CreditFormat, useCreditFormat } from '@creditkit/react';
import { createCreditClient } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { renderHookWithCredits } from '../../test/support/render-with-credits';

function formatIn(locale: string): CreditFormat {
  const client = createCreditClient({ baseUrl: 'http://127.0.0.1:9', token: () => 'unused' });
  return renderHookWithCredits(() => useCreditFormat(), { client, locale }).result.current;
}

describe('useCreditFormat', () => {
  it('formats and reads back amounts in the provider’s locale, exactly', () => {
    const german = formatIn('de-DE');
    expect(german.formatCredits(1234.5)).toBe('1.234,5');
    expect(german.parseCredits('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(german.parseCredits('1,2345')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(german.formatCount(1_000_000)).toBe('1.000.000');
    expect(german.formatDate('2026-03-01T12:00:00.000Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('1. März 2026');

    const indian = formatIn('en-IN');
    expect(indian.formatCredits(1234567.891)).toBe('12,34,567.891');
    expect(indian.parseCredits('12,34,567.891')).toEqual({ ok: true, value: 1234567.891 });
  });
});
