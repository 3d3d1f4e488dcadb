import * as z from 'zod/mini';
import {
  count,
  credits,
  maxCharacters,
  openEnum,
  page,
  positiveCreditAmount,
  resourceId,
  timestamp,
  tokenCount,
} from './primitives';
import { validationDetails } from './problem';

/** A model's rates in credits per 1,000 tokens, prompt and output priced apart (R9). */
export const aiModel = z.object({
  /** The model's id, e.g. `gpt-mini`: what estimates, runs and AI actions name. */
  id: z.string(),
  /** The model's display name, e.g. `GPT mini`. */
  name: z.string(),
  /** The provider id that serves the model, e.g. `openai`: an own key for it makes the model free (R10). */
  provider: z.string(),
  /** Credits per 1,000 prompt tokens, up to 3 decimals. */
  inputCreditsPer1kTokens: credits,
  /** Credits per 1,000 output tokens, up to 3 decimals. */
  outputCreditsPer1kTokens: credits,
  /** True when the workspace has its own key for the provider, so the model's charges cost 0 credits (R10). */
  ownKey: z.boolean(),
});
/** An AI model and its rates in credits per 1,000 prompt and output tokens (R9). */
export type AiModel = z.infer<typeof aiModel>;
/** One page of AI models: the whole catalogue, so `nextCursor` is null. */
export const aiModelPage = page(aiModel);

/**
 * The longest prompt an estimate counts, in characters (Unicode code points: an emoji is 1, as JSON Schema's
 * `maxLength` counts). Longer text is refused before it is sent; count it yourself and send `inputTokens`.
 */
export const MAX_PROMPT_LENGTH = 200_000;

/**
 * Estimate a run from token counts, or from the prompt text (the server counts its tokens).
 * `outputTokens` is the expected output per row in both cases.
 */
export const aiEstimateCreateParams = z
  .object({
    /** The model's id, e.g. `gpt-mini`. */
    model: resourceId,
    /** How many rows the run will process, 1–10,000,000. */
    rows: z.number().check(z.int(), z.gte(1), z.lte(10_000_000)),
    /** Prompt tokens per row, at most 10,000,000; when given, `prompt` is not counted. */
    inputTokens: z.optional(tokenCount),
    /**
     * The prompt text of one row, at most {@link MAX_PROMPT_LENGTH} (200,000) characters, counted by the
     * server's tokenizer (o200k_base) when `inputTokens` is omitted. A run of more than 128 characters that the
     * tokenizer does not split (letters with no space or punctuation between them, CJK text, emoji, spaces) is
     * counted in 128-character pieces, which may count about one token more per piece than the whole run would.
     */
    prompt: z.optional(
      z
        .string()
        .check(
          maxCharacters(
            MAX_PROMPT_LENGTH,
            `A prompt is at most ${MAX_PROMPT_LENGTH.toLocaleString('en-US')} characters; send inputTokens for a longer one.`,
          ),
        ),
    ),
    /** Expected output tokens per row, at most 10,000,000. */
    outputTokens: tokenCount,
  })
  .check(
    z.refine((params) => params.inputTokens !== undefined || params.prompt !== undefined, {
      error: 'Give inputTokens or prompt.',
    }),
  );
/**
 * What to estimate: a model, a row count and the tokens of one row, given as counts (`inputTokens`) or as prompt
 * text (`prompt`), at least one of the two (R9).
 */
export type AiEstimateCreateParams = z.infer<typeof aiEstimateCreateParams> &
  (
    | {
        /** Prompt tokens per row, as counted by you. */
        inputTokens: number;
      }
    | {
        /** The prompt text of one row, for the server to count. */
        prompt: string;
      }
  );

/** What an AI run would cost, per row and for all its rows, at the model's rates (R9). */
export const aiEstimate = z.object({
  /** The model's id the estimate is for. */
  model: z.string(),
  /** The row count the total is for. */
  rows: count,
  /** Prompt tokens per row: as given, or as counted from the prompt text. */
  inputTokens: tokenCount,
  /** Expected output tokens per row, as given. */
  outputTokens: tokenCount,
  /** Credits one row costs, rounded up to the next thousandth; 0 with an own key (R10). */
  perRow: credits,
  /**
   * Credits the whole run costs: `perRow` × `rows`, since a run is charged row by row. At most 1,000,000,000,
   * as a run's budget is: a larger run is refused with `estimate_too_large`.
   */
  total: credits,
  /** True when the workspace has its own key for the model's provider, so the estimate is 0 (R10). */
  ownKey: z.boolean(),
});
/** What an AI run would cost, per row and in total (R9). */
export type AiEstimate = z.infer<typeof aiEstimate>;

/** Open a run with a budget: charges settle against it and the rest is released on completion (R9). */
export const aiRunCreateParams = z.object({
  /** Your id for the run, unique in the workspace; charges name it as `runId`. Reusing one is refused (`run_exists`). */
  runId: resourceId,
  /** The workbook the run charges into. */
  workbookId: resourceId,
  /** The bulk enrichment the run belongs to, if any. */
  enrichmentId: z.optional(resourceId),
  /** The model's id, if the run uses one model; it must exist. */
  model: z.optional(resourceId),
  /** Credits reserved for the run, more than 0, up to 3 decimals; more than the spendable balance is refused with `insufficient_credits`. */
  budget: positiveCreditAmount,
});
/** What opens an AI run: your run id, where it charges, and the budget it reserves (R9). */
export type AiRunCreateParams = z.infer<typeof aiRunCreateParams>;

/** An AI run and its budget: what it reserved, what its charges spent and what is still reserved (R9). */
export const aiRun = z.object({
  /** The run's id, as you chose it when opening the run. */
  id: z.string(),
  /** The workbook the run charges into. */
  workbookId: z.string(),
  /** The bulk enrichment the run belongs to; null when none was given. */
  enrichmentId: z.nullable(z.string()),
  /** The model's id; null when none was given. */
  model: z.nullable(z.string()),
  /** `running` while charges may settle against the budget; `completed` once the run is completed (R16). */
  status: openEnum(['running', 'completed']),
  /** True when the run was stopped midway (`POST /v1/ai/runs/{runId}/stop`): what it charged stayed charged (R16). */
  stopped: z.boolean(),
  /** Credits reserved when the run was opened. */
  budget: credits,
  /** Credits the run's charges have spent, net of refunds. */
  spent: credits,
  /** Credits still reserved: `budget − spent` while running, 0 once completed (the rest is released). */
  remaining: credits,
  /** When the run was opened. */
  createdAt: timestamp,
  /** When the run was completed; null while it is running. */
  completedAt: z.nullable(timestamp),
});
/** An AI run with its budget, spend and what remains reserved (R9). */
export type AiRun = z.infer<typeof aiRun>;

/**
 * The `details` of an `estimate_too_large` problem (422): a run whose total passes the largest amount could
 * never be budgeted, so it is refused rather than quoted.
 */
export const estimateTooLargeDetails = z.extend(validationDetails, {
  /** The largest total an estimate gives: 1,000,000,000 credits. */
  maximum: credits,
  /** Credits one row costs at the model's rates. */
  perRow: credits,
  /** The most rows a run at this cost per row may have. */
  maxRows: count,
});
