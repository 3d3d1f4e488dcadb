import {
  characterCount,
  hasAtMostThreeDecimals,
  isCalendarDate,
  isStorableText,
  MAX_CREDIT_TOTAL,
  MAX_CREDITS,
  MAX_TOKENS,
} from '@creditkit/rules';
import * as z from 'zod/mini';

const threeDecimals = z.refine<number>(hasAtMostThreeDecimals, { error: 'Credits carry at most 3 decimals.' });
const withinRange = z.refine<number>((value) => Math.abs(value) <= MAX_CREDITS, {
  error: `Credits are at most ${MAX_CREDITS}.`,
});
const withinTotalRange = z.refine<number>((value) => Math.abs(value) <= MAX_CREDIT_TOTAL, {
  error: `A credit total is at most ${MAX_CREDIT_TOTAL}.`,
});

/** A signed credit amount as the API reports it (ledger rows are negative for debits). */
export const credits = z.number().check(threeDecimals, withinRange);

/**
 * A signed credit total as the API reports it: a balance, a scope's spend or a usage sum, which add up
 * amounts over time and so may pass the largest single amount.
 */
export const creditTotal = z.number().check(threeDecimals, withinTotalRange);

/** A credit amount a caller sends: not negative, finite, at most 3 decimals. */
export const creditAmount = z.number().check(z.gte(0), threeDecimals, withinRange);

/** A credit amount a caller sends that must buy or allow something: greater than zero. */
export const positiveCreditAmount = z.number().check(z.gt(0), threeDecimals, withinRange);

/**
 * At most `limit` characters as the published schema's `maxLength` counts them (code points: an emoji is one),
 * so that what the OpenAPI document accepts, the API accepts. The limit rides along for the document.
 */
export function maxCharacters(limit: number, error = `At most ${limit} characters.`) {
  return Object.assign(
    z.refine<string>((value) => characterCount(value) <= limit, { error }),
    {
      /** The limit, for the OpenAPI document's `maxLength`. */
      maxCharacters: limit,
    },
  );
}

/**
 * Text the server stores (ids, a refund's reason, an own key) must be storable as it is: a lone surrogate
 * or a NUL is refused before it is sent, not mangled or refused by the database.
 */
export const storableText = z.refine<string>(isStorableText, {
  error: 'Text must be well-formed Unicode (no unpaired surrogate) without NUL characters.',
});

/**
 * An id chosen by the host product (workbook, record, run, ...). Ids travel in URL paths and in
 * comma-joined lists, so `.`, a slash, `..`, whitespace, `%`, `?`, `#`, a comma or a control
 * character is refused rather than escaped.
 */
export const resourceId = z.string().check(
  z.minLength(1, { error: 'An id cannot be empty.' }),
  maxCharacters(200, 'An id has at most 200 characters.'),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  z.regex(/^(?!\.$)(?!.*\.\.)[^\s/\\?#%,\u0000-\u001f\u007f-\u009f]+$/, {
    error: 'An id cannot be "." or contain "/", "..", "%", "?", "#", ",", whitespace or control characters.',
  }),
  storableText,
);

/**
 * An RFC 3339 timestamp (`2026-12-03T14:00:00.000Z`), carried as a string so no time zone is lost on the way. Only
 * the API writes timestamps, so the client does not check their shape (the OpenAPI document declares it).
 */
export const timestamp = z.string();

/**
 * A timestamp a caller sends: RFC 3339 with seconds and an offset (`2026-12-03T14:00:00Z`,
 * `2026-12-03T15:00:00.5+01:00`), of an instant that exists. The offset is required, so no time zone is guessed.
 */
export const timestampInput = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'Expected an RFC 3339 timestamp with an offset, e.g. 2026-12-03T14:00:00Z.',
  }),
  z.refine((value) => isCalendarDate(value.slice(0, 10)) && Number.isFinite(Date.parse(value)), {
    error: 'Expected a timestamp of a day and time that exist.',
  }),
);

/** A calendar date, `YYYY-MM-DD`: a day that exists (`2026-02-30` does not). */
export const calendarDate = z
  .string()
  .check(z.refine(isCalendarDate, { error: 'Expected a calendar date as YYYY-MM-DD, of a day that exists.' }));

/** A count of things (rows, tokens, records): a whole number, not negative. */
export const count = z.number().check(z.int(), z.gte(0));

/** Tokens of one row, prompt or output: a whole number from 0 to 10,000,000. */
export const tokenCount = z.number().check(z.int(), z.gte(0), z.lte(MAX_TOKENS));

/**
 * An enum that accepts values this SDK does not know yet, so a newer server never breaks an older
 * client. The known values still autocomplete.
 */
export function openEnum<const Values extends readonly string[]>(knownValues: Values) {
  // The known values ride along for the OpenAPI document; parsing accepts any string.
  return Object.assign(z.string(), { knownValues }) as unknown as z.ZodMiniType<Values[number] | (string & {})>;
}

/** The envelope of every list: one page of items and the cursor of the next page, if any. */
export function page<Item extends z.ZodMiniType>(item: Item) {
  return z.object({
    /** The items of this page, in the list's order. */
    data: z.array(item),
    /** Pass as `cursor` to read the next page; null on the last page. */
    nextCursor: z.nullable(z.string()),
  });
}

/** Where a cursor-paginated list starts and how many items a page holds. */
export const pageParams = z.object({
  /** Items per page, 1–100; the server's default is 50. */
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
  /** The `nextCursor` of the previous page; omit it for the first page. */
  cursor: z.optional(z.string().check(z.minLength(1))),
});
/** The `limit` and `cursor` of a cursor-paginated list. */
export type PageParams = z.infer<typeof pageParams>;

/**
 * An `Idempotency-Key`: 1 to 255 characters, unique per mutation (a UUID is the usual choice). The server keeps
 * it with the mutation's answer, per workspace.
 */
export const idempotencyKey = z
  .string()
  .check(
    z.minLength(1, { error: 'An Idempotency-Key cannot be empty.' }),
    z.maxLength(255, { error: 'An Idempotency-Key has at most 255 characters.' }),
  );
