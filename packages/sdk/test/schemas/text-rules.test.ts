import { characterCount, isStorableText } from '@creditkit/sdk/schemas';
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
