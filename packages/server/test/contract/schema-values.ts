import { resolve, type Schema } from './openapi-document';
import { accepts, refusalsOf } from './schema-check';

/*
 * Values derived from a schema of the document: one ordinary valid value, and candidates around it (each
 * bound, one step past it, 3 and 4 decimals, the longest string and one more character, every enum value
 * and one that is not, malformed dates, wrong types, a missing required property, an unknown one). Which
 * candidates the schema accepts is not decided here: `schema-check.ts` judges each, so the suite demands
 * exactly what the document says.
 */

/** A value put in one place of a request, with what it tests. */
export interface Candidate {
  /** The property of the value it replaces, empty for the value itself. */
  at: string;
  label: string;
  /** `undefined` leaves the place empty: a property or parameter left out. */
  value: unknown;
}

/** A schema with its `allOf` parts and one branch folded in: properties merged, required lists joined. */
export function merged(base: Schema, extra: Schema): Schema {
  const a = resolve(base);
  const b = resolve(extra);
  const { allOf: _a, anyOf: _anyA, oneOf: _oneA, ...restA } = a;
  const { allOf: _b, ...restB } = b;
  return {
    ...restA,
    ...restB,
    properties: { ...((a.properties ?? {}) as object), ...((b.properties ?? {}) as object) },
    required: [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])],
  };
}

/** The schema with its `allOf` folded in. */
function flattened(schema: Schema): Schema {
  const s = resolve(schema);
  const parts = (s.allOf as Schema[] | undefined) ?? [];
  return parts.reduce<Schema>((all, part) => merged(all, flattened(part)), { ...s, allOf: undefined });
}

/** The branches a value may take: each `anyOf`/`oneOf` branch folded into its siblings, or the schema alone. */
function branchesOf(schema: Schema): Schema[] {
  const s = flattened(schema);
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (!branches) return [s];
  return branches.flatMap((branch) => branchesOf(merged(s, branch)));
}

function typesOf(schema: Schema): string[] {
  const s = resolve(schema);
  if (s.type !== undefined) return (Array.isArray(s.type) ? s.type : [s.type]).filter((type) => type !== 'null');
  if ('const' in s) return [typeof s.const];
  if (s.enum) return [...new Set((s.enum as unknown[]).map((value) => typeof value))];
  if (s.properties || s.required) return ['object'];
  if (s.items) return ['array'];
  return [];
}

/** Characters tried, in order, to fill a string of a given length that the pattern accepts. */
const fillers = ['a', 'x', '7', '_', '-', 'Z'];
/** Strings tried when no filler fits a pattern. */
const shapedStrings = ['2026-01-15', '2026-01-15T10:20:30Z', 'a1', 'id_1', '1', 'A', 'balance.updated'];

/** A string of `length` code points that the schema's pattern and format accept, or undefined. */
export function stringOfLength(schema: Schema, length: number): string | undefined {
  const s = resolve(schema);
  if (s.format === 'uri') return uriOfLength(length);
  const fits = (text: string) => refusalsOf({ ...s, minLength: undefined, maxLength: undefined }, text).length === 0;
  for (const filler of fillers) {
    const text = filler.repeat(length);
    if (fits(text)) return text;
  }
  return shapedStrings.find((text) => Array.from(text).length === length && fits(text));
}

/**
 * A URL of `length` characters on this machine's discard port: a webhook endpoint the suite registers may be
 * sent events, and nothing it sends may leave the machine.
 */
function uriOfLength(length: number): string | undefined {
  const prefix = 'http://127.0.0.1:9/';
  return length < prefix.length ? undefined : `${prefix}${'a'.repeat(length - prefix.length)}`;
}

function typicalString(schema: Schema): string {
  const s = resolve(schema);
  if (s.format === 'uri') return 'http://127.0.0.1:9/conformance';
  if (s.format === 'date') return '2026-01-15';
  if (s.format === 'date-time') return '2026-01-15T10:20:30Z';
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
  const found =
    [Math.min(Math.max(8, min), max), min, max]
      .filter(Number.isFinite)
      .map((length) => stringOfLength(s, length))
      .find(Boolean) ?? shapedStrings.find((text) => accepts(s, text));
  if (found === undefined) throw new Error(`No string for the schema ${JSON.stringify(s)}: add a shaped string.`);
  return found;
}

/** The smallest step between two values the schema accepts: its multipleOf, 1 for integers, else 0.001. */
function stepOf(s: Schema, integer: boolean): number {
  if (typeof s.multipleOf === 'number') return s.multipleOf;
  return integer ? 1 : 0.001;
}

/** `value` in thousandths arithmetic, so 999999999.999 is written as such rather than as a binary neighbour. */
const plus = (value: number, step: number) => Math.round((value + step) * 1e6) / 1e6;

function typicalNumber(s: Schema, integer: boolean): number {
  const step = stepOf(s, integer);
  let value = 10;
  if (typeof s.minimum === 'number' && value < s.minimum) value = s.minimum;
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) value = plus(s.exclusiveMinimum, step);
  if (typeof s.maximum === 'number' && value > s.maximum) value = s.maximum;
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) value = plus(s.exclusiveMaximum, -step);
  return value;
}

/** One ordinary value the schema accepts; throws when it can find none, naming the schema. */
export function exampleOf(schema: Schema): unknown {
  for (const branch of branchesOf(schema)) {
    const value = exampleOfBranch(branch);
    if (accepts(schema, value)) return value;
  }
  throw new Error(`No example value for ${JSON.stringify(resolve(schema))}`);
}

function exampleOfBranch(s: Schema): unknown {
  if ('const' in s) return s.const;
  if (s.enum) return (s.enum as unknown[])[0];
  switch (typesOf(s)[0]) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const object: Record<string, unknown> = {};
      for (const name of (s.required as string[] | undefined) ?? []) {
        object[name] = properties[name] ? exampleOf(properties[name]) : 'x';
      }
      // An object of optional properties that needs some (a change of at least one field): the first ones.
      for (const [name, property] of Object.entries(properties)) {
        if (Object.keys(object).length >= (typeof s.minProperties === 'number' ? s.minProperties : 0)) break;
        if (!(name in object)) object[name] = exampleOf(property);
      }
      return object;
    }
    case 'array': {
      const count = Math.max(1, typeof s.minItems === 'number' ? s.minItems : 0);
      return Array.from({ length: count }, () => exampleOf((s.items ?? {}) as Schema));
    }
    case 'string':
      return typicalString(s);
    case 'integer':
      return typicalNumber(s, true);
    case 'number':
      return typicalNumber(s, false);
    case 'boolean':
      return true;
    default:
      return 'x';
  }
}

/** A value of each JSON type, for "wrong type" candidates; the judge keeps those the schema refuses. */
const valueOfEachType: [string, unknown][] = [
  ['a string', 'text'],
  ['a number', 7],
  ['a boolean', true],
  ['null', null],
  ['an array', []],
  ['an object', {}],
];

const dateCandidates: [string, string][] = [
  ['the first day', '0001-01-01'],
  ['the last day', '9999-12-31'],
  ['a leap day', '2024-02-29'],
  ['month 13, day 45', '2026-13-45'],
  ['February 30', '2026-02-30'],
  ['a leap day in a common year', '2025-02-29'],
  ['one-digit month and day', '2026-1-5'],
  ['no separators', '20260115'],
  ['a timestamp', '2026-01-15T00:00:00Z'],
];

const dateTimeCandidates: [string, string][] = [
  ['with milliseconds and an offset', '2026-01-15T10:20:30.123+02:00'],
  ['a date only', '2026-01-15'],
  ['a space for T', '2026-01-15 10:20:30Z'],
  ['month 13', '2026-13-01T00:00:00Z'],
  ['hour 25', '2026-01-15T25:00:00Z'],
  ['no zone', '2026-01-15T10:20:30'],
];

/** Text an id pattern is meant to refuse: separators, dots, escapes, whitespace and control characters. */
const patternBreakers: [string, string][] = [
  ['a space', 'a b'],
  ['a slash', 'a/b'],
  ['a backslash', 'a\\b'],
  ['two dots', 'a..b'],
  ['a lone dot', '.'],
  ['a percent sign', 'a%b'],
  ['a question mark', 'a?b'],
  ['a hash', 'a#b'],
  ['a comma', 'a,b'],
  ['a tab', 'a\tb'],
  ['NUL', 'a\u0000b'],
  ['DEL', 'a\u007fb'],
  ['a C1 control', 'a\u0085b'],
];

function stringCandidates(s: Schema): Candidate[] {
  const found: Candidate[] = [];
  const add = (label: string, value: unknown) => found.push({ at: '', label, value });
  if (typeof s.minLength === 'number') {
    const shortest = stringOfLength(s, s.minLength);
    if (shortest !== undefined) add(`the shortest (${s.minLength})`, shortest);
    if (s.minLength > 0) add(`${s.minLength - 1} characters`, 'a'.repeat(s.minLength - 1));
  } else {
    add('empty', '');
  }
  if (typeof s.maxLength === 'number') {
    const longest = stringOfLength(s, s.maxLength);
    if (longest !== undefined) {
      add(`the longest (${s.maxLength})`, longest);
      add(`one past the longest (${s.maxLength + 1})`, `${longest}${longest.slice(-1)}`);
    }
  }
  if (s.format === 'date') for (const [label, value] of dateCandidates) add(label, value);
  if (s.format === 'date-time') for (const [label, value] of dateTimeCandidates) add(label, value);
  if (typeof s.pattern === 'string') {
    if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.pattern)) for (const [label, value] of dateCandidates) add(label, value);
    for (const [label, value] of patternBreakers) add(label, value);
  }
  return found;
}

function numberCandidates(s: Schema, integer: boolean): Candidate[] {
  const step = stepOf(s, integer);
  const found: Candidate[] = [];
  const add = (label: string, value: number) => found.push({ at: '', label, value });
  if (typeof s.minimum === 'number') {
    add(`the minimum ${s.minimum}`, s.minimum);
    add(`one step below the minimum`, plus(s.minimum, -step));
  }
  if (typeof s.exclusiveMinimum === 'number') {
    add(`the exclusive minimum ${s.exclusiveMinimum}`, s.exclusiveMinimum);
    add(`one step above the exclusive minimum`, plus(s.exclusiveMinimum, step));
  }
  if (typeof s.maximum === 'number') {
    add(`the maximum ${s.maximum}`, s.maximum);
    add(`one step below the maximum`, plus(s.maximum, -step));
    add(`one step above the maximum`, plus(s.maximum, step));
  }
  if (typeof s.exclusiveMaximum === 'number') add(`the exclusive maximum ${s.exclusiveMaximum}`, s.exclusiveMaximum);
  if (integer) {
    add('a fraction', 1.5);
  } else {
    add('exactly 3 decimals', 1.005);
    add('exactly 3 decimals, larger', 123.456);
    add('4 decimals', 1.0005);
    add('a ten-thousandth', 0.0001);
  }
  add('negative', -1);
  add('zero', 0);
  add('1e21', 1e21);
  return found;
}

function arrayCandidates(s: Schema, base: unknown[]): Candidate[] {
  const items = (s.items ?? {}) as Schema;
  const item = base[0] ?? exampleOf(items);
  const found: Candidate[] = [];
  const add = (label: string, value: unknown) => found.push({ at: '', label, value });
  if (typeof s.maxItems === 'number') {
    add(
      `the most items (${s.maxItems})`,
      Array.from({ length: s.maxItems }, (_, index) => base[index] ?? item),
    );
    add(
      `one item too many (${s.maxItems + 1})`,
      Array.from({ length: s.maxItems + 1 }, () => item),
    );
  }
  if (typeof s.minItems === 'number') {
    add(
      `the fewest items (${s.minItems})`,
      Array.from({ length: s.minItems }, () => item),
    );
    if (s.minItems > 0)
      add(
        `${s.minItems - 1} items`,
        Array.from({ length: s.minItems - 1 }, () => item),
      );
  }
  for (const candidate of candidatesFor(items, item)) {
    const first = withCandidate(item, candidate.at, candidate.value);
    add(`the first item: ${labelOf(candidate)}`, first === undefined ? base.slice(1) : [first, ...base.slice(1)]);
  }
  return found;
}

/** Name of a property no schema of the document declares. */
export const unknownPropertyName = 'conformanceUnknownProperty';

function objectCandidates(s: Schema, base: Record<string, unknown>): Candidate[] {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const found: Candidate[] = [];
  for (const [name, schema] of Object.entries(properties)) {
    const present = name in base;
    const own = present ? base[name] : exampleOf(schema);
    if (present && !required.has(name)) found.push({ at: name, label: 'left out', value: undefined });
    if (!present) found.push({ at: name, label: 'given', value: own });
    if (required.has(name)) found.push({ at: name, label: 'missing (required)', value: undefined });
    for (const candidate of candidatesFor(schema, own)) {
      found.push({ at: name, label: labelOf(candidate), value: withCandidate(own, candidate.at, candidate.value) });
    }
  }
  found.push({ at: unknownPropertyName, label: 'an unknown property', value: 'x' });
  return found;
}

/**
 * Candidates for the place a schema governs, around `base` (a value the schema accepts there). Objects
 * and arrays give candidates for each of their places.
 */
export function candidatesFor(schema: Schema, base: unknown): Candidate[] {
  const found: Candidate[] = [];
  const add = (label: string, value: unknown) => found.push({ at: '', label, value });
  const types = new Set(branchesOf(schema).flatMap(typesOf));
  for (const [label, value] of valueOfEachType) {
    if (
      !types.has(
        typeof value === 'object'
          ? Array.isArray(value)
            ? 'array'
            : value === null
              ? 'null'
              : 'object'
          : typeof value,
      )
    ) {
      add(`wrong type: ${label}`, value);
    }
  }
  for (const branch of branchesOf(schema)) {
    if ('const' in branch) add('another constant', `${String(branch.const)}-other`);
    if (branch.enum) {
      for (const value of branch.enum as unknown[]) add(`the enum value ${JSON.stringify(value)}`, value);
      add('a value outside the enum', 'not-a-known-value');
    }
    if (types.has('string')) found.push(...stringCandidates(branch));
    if (types.has('integer')) found.push(...numberCandidates(branch, true));
    else if (types.has('number')) found.push(...numberCandidates(branch, false));
    if (types.has('boolean')) add('false', false);
  }
  if (types.has('array') && Array.isArray(base)) found.push(...arrayCandidates(flattened(schema), base));
  if (types.has('object') && typeof base === 'object' && base !== null && !Array.isArray(base)) {
    // Each branch's properties, so an anyOf of object shapes is walked property by property.
    const seen = new Set<string>();
    for (const branch of branchesOf(schema)) {
      for (const candidate of objectCandidates(branch, base as Record<string, unknown>)) {
        const key = `${candidate.at}\u0000${candidate.label}\u0000${JSON.stringify(candidate.value)}`;
        if (!seen.has(key)) found.push(candidate);
        seen.add(key);
      }
    }
  }
  return found;
}

/** What a candidate tests, with the place it is in. */
export const labelOf = (candidate: Candidate) =>
  candidate.at ? `${candidate.at}: ${candidate.label}` : candidate.label;

/** `base` with the candidate put in its place: the value itself, or one property of it (left out when undefined). */
export function withCandidate(base: unknown, at: string, value: unknown): unknown {
  if (at === '') return value;
  const object = { ...(base as Record<string, unknown>) };
  if (value === undefined) delete object[at];
  else object[at] = value;
  return object;
}
