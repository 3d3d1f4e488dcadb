import { isDecimalMultiple } from '../support/contract/decimal-multiple';
import { type OpenApiDocument, openApiDocument, resolve, type Schema } from './openapi-document';

/*
 * Whether a schema of the document accepts a value: the judge that sorts generated values into "must be
 * accepted" and "must be refused". It reads the keywords the document uses, as JSON Schema 2020-12 defines
 * them (formats asserted, lengths in code points, multipleOf exact in decimal), and throws on a keyword it
 * does not know, so a new rule in the document cannot be silently ignored by the suite.
 */

/** Keywords that only describe: they accept every value. */
const annotations = new Set([
  'description',
  'title',
  'examples',
  'example',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$comment',
  'contentMediaType',
  'contentEncoding',
]);

const asserted = new Set([
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
]);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** RFC 3339 full-date: the shape and a day that exists. */
function isFullDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** RFC 3339 date-time: a full date, `T`, a time with seconds, and a zone. */
function isDateTime(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!match || !isFullDate(match[1] ?? '')) return false;
  const [hour, minute, second] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
  const zoneHour = Number(match[7] ?? 0);
  const zoneMinute = Number(match[8] ?? 0);
  return hour <= 23 && minute <= 59 && second <= 60 && zoneHour <= 23 && zoneMinute <= 59;
}

/** RFC 3986 absolute URI, loosely: a scheme, a colon, and no whitespace or control character. */
function isAbsoluteUri(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f\u007f]*$/.test(text);
}

const formats: Record<string, (text: string) => boolean> = {
  date: isFullDate,
  'date-time': isDateTime,
  uri: isAbsoluteUri,
};

type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why the schema refuses the value, one line per reason (`where: what`), or an empty list when it accepts
 * it.
 */
export function refusalsOf(
  schema: Schema,
  value: unknown,
  where = '',
  document: OpenApiDocument = openApiDocument,
): string[] {
  const s = resolve(schema, document);
  const reasons: string[] = [];
  const refuse = (what: string) => reasons.push(`${where || '(value)'}: ${what}`);
  for (const keyword of Object.keys(s)) {
    if (!asserted.has(keyword) && !annotations.has(keyword) && !keyword.startsWith('x-')) {
      throw new Error(
        `The schema at ${where || '(root)'} uses "${keyword}", which the conformance suite does not read.`,
      );
    }
  }
  for (const part of (s.allOf as Schema[] | undefined) ?? []) reasons.push(...refusalsOf(part, value, where, document));
  if (s.anyOf) {
    const branches = s.anyOf as Schema[];
    if (!branches.some((branch) => refusalsOf(branch, value, where, document).length === 0))
      refuse('matches no anyOf branch');
  }
  if (s.oneOf) {
    const matching = (s.oneOf as Schema[]).filter((branch) => refusalsOf(branch, value, where, document).length === 0);
    if (matching.length !== 1) refuse(`matches ${matching.length} oneOf branches, not exactly one`);
  }
  if (s.not && refusalsOf(s.not as Schema, value, where, document).length === 0) refuse('matches a `not` schema');
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as JsonType[];
    if (!types.some((type) => isType(value, type)))
      return [...reasons, `${where || '(value)'}: not ${types.join(' or ')}`];
  }
  if (s.enum && !(s.enum as unknown[]).some((known) => sameJson(known, value))) refuse('not one of the enum');
  if ('const' in s && !sameJson(s.const, value)) refuse(`not ${JSON.stringify(s.const)}`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) refuse(`below the minimum ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) refuse(`above the maximum ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum)
      refuse(`not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum)
      refuse(`not below ${s.exclusiveMaximum}`);
    if (typeof s.multipleOf === 'number' && !isDecimalMultiple(value, s.multipleOf)) {
      refuse(`not a multiple of ${s.multipleOf}`);
    }
  }
  if (typeof value === 'string') {
    const length = Array.from(value).length;
    if (typeof s.minLength === 'number' && length < s.minLength) refuse(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) refuse(`longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) refuse(`does not match ${s.pattern}`);
    if (typeof s.format === 'string') {
      const check = formats[s.format];
      if (!check)
        throw new Error(`The format "${s.format}" at ${where || '(root)'} is not read by the conformance suite.`);
      if (!check(value)) refuse(`not a ${s.format}`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) refuse(`fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) refuse(`more than ${s.maxItems} items`);
    if (s.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
      refuse('items repeat');
    }
    if (s.items) {
      value.forEach((item, index) => {
        reasons.push(...refusalsOf(s.items as Schema, item, `${where}[${index}]`, document));
      });
    }
  }
  if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required as string[] | undefined) ?? []) {
      if (!(name in object)) refuse(`lacks the required ${name}`);
    }
    if (typeof s.minProperties === 'number' && Object.keys(object).length < s.minProperties) {
      refuse(`fewer than ${s.minProperties} properties`);
    }
    for (const [name, item] of Object.entries(object)) {
      const at = where ? `${where}.${name}` : name;
      const known = properties[name];
      if (known) reasons.push(...refusalsOf(known, item, at, document));
      else if (s.additionalProperties === false) refuse(`has the unknown property ${name}`);
      else if (typeof s.additionalProperties === 'object' && s.additionalProperties !== null) {
        reasons.push(...refusalsOf(s.additionalProperties as Schema, item, at, document));
      }
    }
  }
  return reasons;
}

/** True when the schema accepts the value. */
export const accepts = (schema: Schema, value: unknown) => refusalsOf(schema, value).length === 0;
