import * as z from 'zod/mini';
import { MAX_PROMPT_LENGTH } from './ai';
import { chargeTriggers } from './charges';
import { count, credits, creditTotal, maxCharacters, openEnum, resourceId, tokenCount } from './primitives';
import { limitDetails } from './problem';

/** The most record ids one quote takes: a page of a table, or a selection. */
export const MAX_QUOTE_RECORDS = 1_000;

/** The most rows a quote by bare row count takes (when the record ids are not known yet). */
export const MAX_QUOTE_ROWS = 10_000;

function hasNoRepeats(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

/** The records a run would charge, in its order: 1–1,000 ids, each once. */
export const quoteRecordIds = z
  .array(resourceId)
  .check(
    z.minLength(1),
    z.maxLength(MAX_QUOTE_RECORDS),
    z.refine(hasNoRepeats, { error: 'Each record id may appear once.' }),
  );

/** The tokens of one AI row: `inputTokens` counted by the caller, or the `prompt` for the server to count (R9). */
export const quoteUsage = z
  .object({
    /** Prompt tokens per row, at most 10,000,000; when given, `prompt` is not counted. */
    inputTokens: z.optional(tokenCount),
    /** The prompt text of one row, at most 200,000 characters, counted by the server's tokenizer. */
    prompt: z.optional(z.string().check(maxCharacters(MAX_PROMPT_LENGTH))),
    /** Expected output tokens per row, at most 10,000,000. */
    outputTokens: tokenCount,
  })
  .check(
    z.refine((usage) => usage.inputTokens !== undefined || usage.prompt !== undefined, {
      error: 'Give inputTokens or prompt.',
    }),
  );

/**
 * What a run would cost, asked before it starts (R23): the action over records (or a bare row count), in the
 * workbook / enrichment / run the run's charges will name. Nothing is charged, reserved or written.
 */
export const quoteCreateParams = z
  .object({
    /** The catalogue id of the action the run charges, e.g. `find-mobile-phone` (R8). */
    actionId: resourceId,
    /** The workbook the run charges into; its spend limit applies (R11). */
    workbookId: resourceId,
    /** The record field the action fills, e.g. `mobile_phone`: with each record id, the dedup key (R13). */
    field: resourceId,
    /**
     * The records the run would charge, in the order it charges them, 1–1,000 ids without repeats. Rows
     * already paid for this action and field are counted as such (R13). Give `rows` instead when the ids are
     * not known yet.
     */
    recordIds: z.optional(quoteRecordIds),
    /**
     * How many rows the run would charge, 1–10,000, when their ids are not known: no row counts as already paid.
     * Give `recordIds` or `rows`, not both.
     */
    rows: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_QUOTE_ROWS))),
    /** The bulk enrichment the run belongs to; its spend limit applies (R12). */
    enrichmentId: z.optional(resourceId),
    /**
     * The AI run whose budget the charges would settle against (R9); a run the workspace does not have is a 404,
     * and a completed run stops the quote at its first row to charge (`run_completed`).
     */
    runId: z.optional(resourceId),
    /** Why the run happens (R24): `run` (the default) skips rows already paid; `rerun` and `auto_update` charge them. */
    trigger: z.optional(z.enum(chargeTriggers)),
    /**
     * The tokens of one row of an AI action, priced by the action's model as its charge with these tokens would
     * be (R9): `inputTokens` as counted by you, or the `prompt` text for the server to count as an AI estimate
     * counts it. Required for an AI action (else 400 `usage_required`); a lookup has a fixed price and refuses
     * it (400 `usage_not_applicable`).
     */
    usage: z.optional(quoteUsage),
  })
  .check(
    z.refine((params) => (params.recordIds === undefined) !== (params.rows === undefined), {
      error: 'Give recordIds or rows, one of the two.',
    }),
  );
/** What to quote: an action over records or a row count, where the run's charges would count (R23). */
export type QuoteCreateParams = z.infer<typeof quoteCreateParams>;

/**
 * What a quoted row would become, in the order the run charges: `charge` costs `perRow` credits; `already_paid`
 * costs 0 because the action was paid on the record's field (R13); `own_key` costs 0 because the workspace has its
 * own key for the provider (R10); `not_reached` is after the row where the run would stop.
 */
export const quotedRowOutcome = openEnum(['charge', 'already_paid', 'own_key', 'not_reached']);

/** One quoted record: what the run would do with it. */
export const quotedRecord = z.object({
  /** The record id, as given. */
  recordId: z.string(),
  /** `charge`, `already_paid`, `own_key` or `not_reached`. */
  outcome: quotedRowOutcome,
  /** Credits the row would cost: `perRow` for `charge`, else 0. */
  credits: credits,
});

/**
 * Where the run would stop (R9, R11, R12, R14): the refusal its next charge would meet, as a charge answers it
 * (`code` and the limit's numbers as they would stand then), and how many rows it would have passed before.
 */
export const quoteStop = z.object({
  /** The refusal code the charge would meet: `workbook_limit_reached`, `insufficient_credits`, ... */
  code: openEnum([
    'insufficient_credits',
    'workbook_limit_reached',
    'enrichment_limit_reached',
    'run_budget_exhausted',
    'run_completed',
  ]),
  /** Rows the run would pass (charged, already paid or free) before the row it stops at. */
  afterRows: count,
  /** The limit that stops it, with its spend and what remains at that row. */
  limit: limitDetails,
});

/** What a run would cost and where it would stop, decided as its charges would be, writing nothing (R23). */
export const quote = z.object({
  /** The action quoted. */
  actionId: z.string(),
  /** The rows quoted: the record ids given, or `rows`. */
  rows: count,
  /** Rows that would be charged `perRow` credits before any stop. */
  chargedRows: count,
  /** Rows already paid for this action and field, free under a `run` trigger (R13). */
  alreadyPaidRows: count,
  /** Rows free because the workspace has its own key for the action's provider (R10). */
  ownKeyRows: count,
  /** Rows after the stop, which the run would not reach. */
  notReachedRows: count,
  /**
   * Credits one charged row costs, priced as its charge would be (R8, R9); 0 when the workspace has its own key
   * for the action's provider (R10), as the action's `effectiveCredits` says.
   */
  perRow: credits,
  /** Credits the run would take in all: `perRow` × `chargedRows`. */
  credits: creditTotal,
  /** The spendable balance now, less what other open runs reserve (R1, R9). */
  balance: creditTotal,
  /** The spendable balance after the run's charges. */
  balanceAfter: creditTotal,
  /** Where the run would stop, or null when every row would go through. */
  stop: z.nullable(quoteStop),
  /** Each record's outcome, in the order given; empty for a quote by `rows`. */
  records: z.array(quotedRecord),
});
/** What a run would cost and where it would stop (R23). */
export type Quote = z.infer<typeof quote>;
