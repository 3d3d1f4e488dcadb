import { characterCount, isCalendarDate, isStorableText } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** What Node 20's `isWellFormed` says, and no NUL: the rule the loop must agree with in every browser. */
const reference = (text: string) =>
  (text as string & { isWellFormed(): boolean }).isWellFormed() && !text.includes('\0');

describe('isStorableText', () => {
  it.each([
    ['', true],
    ['wb_1', true],
    ['😀', true],
    ['👩‍👩‍👧‍👦', true],
    ['\u202eevil\u202c', true],
    ['\ud800', false],
    ['\udfff', false],
    ['a\ud83d', false],
    ['\ude00a', false],
    ['\ude00\ud83d', false],
    ['a\u0000b', false],
  ])('%j is storable: %s', (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it('agrees with isWellFormed (and no NUL) on any UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' }), (text, ascii) => {
        for (const candidate of [text, ascii + text, text + ascii]) {
          expect(isStorableText(candidate)).toBe(reference(candidate));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('characterCount', () => {
  it.each([
    ['', 0],
    ['wb_1', 4],
    ['😀', 1],
    ['👩‍👩‍👧‍👦', 7],
    ['\ud800', 1],
    ['a\ude00\ud83d', 3],
  ])('%j has %i characters', (text, count) => {
    expect(characterCount(text)).toBe(count);
  });

  it('counts code points, as JSON Schema maxLength does, on any UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(characterCount(text)).toBe([...text].length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-12-03', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2026-13-45', false],
    ['2026-02-30', false],
    ['2026-00-10', false],
    ['2026-1-10', false],
    ['2026-01-10T00:00:00Z', false],
    ['', false],
  ])('%j is a calendar date: %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });

  it('agrees with the days of the proleptic Gregorian calendar for every date shape', () => {
    const daysIn = (year: number, month: number) =>
      [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
        month - 1
      ] ?? 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(text)).toBe(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
