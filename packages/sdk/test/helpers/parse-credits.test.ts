import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCredits } from '../../src/helpers/format-credits';
import { parseCredits } from '../../src/helpers/parse-credits';

const ok = (value: number) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe('parseCredits', () => {
  it('reads plain and grouped numbers in the locale', () => {
    expect(parseCredits('12', 'en-US')).toEqual(ok(12));
    expect(parseCredits('1.000,5', 'de-DE')).toEqual(ok(1000.5));
    expect(parseCredits('1.000.000', 'de-DE')).toEqual(ok(1_000_000));
    expect(parseCredits('1000,5', 'de-DE')).toEqual(ok(1000.5));
    expect(parseCredits('0,001', 'de-DE')).toEqual(ok(0.001));
    expect(parseCredits('1,000.5', 'en-US')).toEqual(ok(1000.5));
    expect(parseCredits('1000.5', 'en-US')).toEqual(ok(1000.5));
    expect(parseCredits('12,34,567.5', 'en-IN')).toEqual(ok(1234567.5));
  });

  it('gives exact values, never a float parse', () => {
    expect(parseCredits('0.1', 'en-US')).toEqual(ok(0.1));
    expect(parseCredits('0.3', 'en-US')).toEqual(ok(0.3));
    expect(parseCredits('999,999,999.999', 'en-US')).toEqual(ok(999_999_999.999));
    expect(parseCredits('1.5000', 'en-US')).toEqual(ok(1.5));
  });

  it('accepts any space where the locale groups with one', () => {
    expect(parseCredits('1\u202f000,25', 'fr-FR')).toEqual(ok(1000.25));
    expect(parseCredits('1\u00a0000,25', 'fr-FR')).toEqual(ok(1000.25));
    expect(parseCredits('1 000 000,25', 'fr-FR')).toEqual(ok(1_000_000.25));
  });

  it('accepts either apostrophe where the locale groups with one', () => {
    expect(parseCredits('1\u2019000.5', 'de-CH')).toEqual(ok(1000.5));
    expect(parseCredits("1'000.5", 'de-CH')).toEqual(ok(1000.5));
  });

  it('reads fullwidth digits and separators', () => {
    expect(parseCredits('１，０００', 'ja-JP')).toEqual(ok(1000));
    expect(parseCredits('１２．５', 'ja-JP')).toEqual(ok(12.5));
  });

  it('trims surrounding whitespace', () => {
    expect(parseCredits('  42 \n', 'en-US')).toEqual(ok(42));
    expect(parseCredits('\u00a01.000,5\u202f', 'de-DE')).toEqual(ok(1000.5));
  });

  it('reports empty input', () => {
    expect(parseCredits('', 'en-US')).toEqual(no('empty'));
    expect(parseCredits(' \t\u00a0', 'en-US')).toEqual(no('empty'));
  });

  it('refuses ambiguous or malformed input instead of guessing', () => {
    const refused: Array<[string, string]> = [
      ['1,000.5', 'de-DE'],
      ['1.00', 'de-DE'],
      ['1.0000', 'de-DE'],
      ['1,00', 'en-US'],
      ['1,2,3', 'en-US'],
      ['1e3', 'en-US'],
      ['Infinity', 'en-US'],
      ['NaN', 'en-US'],
      ['0x10', 'en-US'],
      ['--1', 'en-US'],
      ['+', 'en-US'],
      ['-', 'en-US'],
      ['.', 'en-US'],
      ['1.2.3', 'en-US'],
      ['1 000', 'en-US'],
      ['1,000,000', 'en-IN'],
      ['١٢', 'ar-EG'],
    ];
    for (const [text, locale] of refused)
      expect(parseCredits(text, locale), `${text} in ${locale}`).toEqual(no('not_a_number'));
  });

  it('reports a negative amount', () => {
    expect(parseCredits('-5', 'en-US')).toEqual(no('negative'));
    expect(parseCredits('\u22121.000,5', 'de-DE')).toEqual(no('negative'));
  });

  it('reports more than 3 decimals', () => {
    expect(parseCredits('0.0005', 'en-US')).toEqual(no('too_many_decimals'));
    expect(parseCredits('1,2345', 'de-DE')).toEqual(no('too_many_decimals'));
  });

  it('reports more than a billion credits', () => {
    expect(parseCredits('1,000,000,000', 'en-US')).toEqual(ok(1_000_000_000));
    expect(parseCredits('1,000,000,000.001', 'en-US')).toEqual(no('too_large'));
    expect(parseCredits('9'.repeat(400), 'en-US')).toEqual(no('too_large'));
  });

  it('reads back whatever formatCredits writes', () => {
    const locales = ['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'de-CH', 'en-IN'];
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constantFrom(...locales), (thousandths, locale) => {
        const credits = Number(thousandths) / 1000;
        expect(parseCredits(formatCredits(credits, locale), locale)).toEqual(ok(credits));
      }),
      { numRuns: 2000 },
    );
  });
});
