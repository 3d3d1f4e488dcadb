import { describe, expect, it } from 'vitest';
import { isDecimalMultiple } from '../support/contract/decimal-multiple';
import { accepts, refusalsOf } from './schema-check';
import { candidatesFor, exampleOf } from './schema-values';

/*
 * The judge and the value generator of the conformance suite, on the keywords the document uses or is
 * about to use (multipleOf for amounts, calendar dates, open enums, closed objects, an anyOf of complete
 * shapes): a wrong judge would demand that the server refuse what the document accepts, or the reverse.
 */

const amount = { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000_000, multipleOf: 0.001 };

describe('the judge of the conformance suite', () => {
  it('reads multipleOf in decimal, where binary floating point would refuse 0.003 / 0.001', () => {
    for (const value of [0.001, 0.003, 1.005, 123.456, 999_999_999.999, 1_000_000_000]) {
      expect(isDecimalMultiple(value, 0.001), String(value)).toBe(true);
    }
    for (const value of [1.0005, 0.0001, 1e-7, 999_999_999.9995]) {
      expect(isDecimalMultiple(value, 0.001), String(value)).toBe(false);
    }
    expect(accepts(amount, 0)).toBe(false);
    expect(accepts(amount, 1_000_000_000.001)).toBe(false);
  });

  it('asserts calendar dates and timestamps, not just their shape', () => {
    const date = { type: 'string', format: 'date' };
    for (const value of ['2024-02-29', '0001-01-01', '9999-12-31']) expect(accepts(date, value), value).toBe(true);
    for (const value of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-1-5', '2026-01-15T00:00:00Z']) {
      expect(accepts(date, value), value).toBe(false);
    }
    const timestamp = { type: 'string', format: 'date-time' };
    expect(accepts(timestamp, '2026-01-15T10:20:30.123+02:00')).toBe(true);
    expect(accepts(timestamp, '2026-01-15 10:20:30Z')).toBe(false);
  });

  it('keeps an open enum open and a closed object closed', () => {
    const openEnum = { anyOf: [{ enum: ['admin', 'member'] }, { type: 'string' }] };
    expect(accepts(openEnum, 'owner')).toBe(true);
    expect(accepts(openEnum, 7)).toBe(false);
    const closed = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    expect(refusalsOf(closed, { a: 'x', b: 1 })).toEqual(['(value): has the unknown property b']);
    expect(accepts({ ...closed, additionalProperties: undefined }, { a: 'x', b: 1 })).toBe(true);
  });

  it('counts string lengths in code points, as JSON Schema does', () => {
    expect(accepts({ type: 'string', maxLength: 1 }, '😀')).toBe(true);
  });

  it('refuses to judge by a keyword it does not read', () => {
    expect(() => refusalsOf({ type: 'string', contains: {} }, 'x')).toThrow(/contains/);
  });
});

describe('the values it derives', () => {
  it('finds a valid value for an anyOf of complete object shapes, and walks each shape', () => {
    const shape = (input: string) => ({
      type: 'object',
      properties: { model: { type: 'string', minLength: 1 }, [input]: { type: 'integer', minimum: 0 } },
      required: ['model', input],
      additionalProperties: false,
    });
    const schema = { anyOf: [shape('inputTokens'), shape('prompt')] };
    const example = exampleOf(schema);
    expect(accepts(schema, example)).toBe(true);
    const labels = candidatesFor(schema, example).map((candidate) => `${candidate.at}: ${candidate.label}`);
    expect(labels).toContain('inputTokens: missing (required)');
    expect(labels).toContain('prompt: given');
  });

  it('puts a candidate at each bound and one step past it', () => {
    const values = candidatesFor(amount, 10).map((candidate) => candidate.value);
    expect(values).toEqual(
      expect.arrayContaining([0, 0.001, 1_000_000_000, 999_999_999.999, 1_000_000_000.001, 1.0005]),
    );
    const key = { type: 'string', minLength: 1, maxLength: 255 };
    const lengths = candidatesFor(key, 'k').map((candidate) => String(candidate.value).length);
    expect(lengths).toEqual(expect.arrayContaining([0, 1, 255, 256]));
  });
});
