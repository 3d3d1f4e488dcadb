import * as z from 'zod/mini';
import { creditTotal, openEnum } from './primitives';

/** What a credit refusal (402) names: the limit that blocked and its numbers. */
export const limitDetails = z.object({
  /** What blocked: the `workspace` balance (R14), a `workbook` (R11), an `enrichment` (R12) or a `run` budget (R9). */
  scope: openEnum(['workspace', 'workbook', 'enrichment', 'run']),
  /** The workbook, enrichment or run id; null for the workspace balance. */
  id: z.nullable(z.string()),
  /** The limit in credits: the spend limit or run budget, or for the workspace what was spendable. */
  limit: creditTotal,
  /** Credits already spent against the limit, net of refunds; 0 for the workspace. */
  spent: creditTotal,
  /** Credits still allowed: `limit − spent`, never below 0. */
  remaining: creditTotal,
});
/** The limit that refused a charge (402), with its limit, spend and what remains. */
export type LimitDetails = z.infer<typeof limitDetails>;

/** One invalid value named by a `validation_failed` problem (and the other 4xx refusals of a request's values). */
export const validationIssue = z.object({
  /** Where the value is, from the top of the request, e.g. `['usage', 'inputTokens']`; empty for the whole value. */
  path: z.array(z.union([z.string(), z.number()])),
  /** What is wrong with the value, for a person. */
  message: z.string(),
});

/** The `details` of a `validation_failed` problem (400): each invalid value with its path. */
export const validationDetails = z.object({
  /** Each invalid value with its path. */
  issues: z.array(validationIssue),
});

/** An `application/problem+json` body: every error the API answers. */
export const problem = z.object({
  /** A URI naming the problem, `https://creditkit.dev/problems/<code>`. */
  type: z.string(),
  /** The HTTP status, repeated in the body. */
  status: z.number(),
  /** What went wrong, machine-readable: `insufficient_credits`, `workbook_limit_reached`, `not_found`, ... */
  code: z.string(),
  /** What went wrong, for a person. */
  message: z.string(),
  /** The request's id (`req_…`), as in the `x-request-id` header, to quote to support. */
  requestId: z.string(),
  /** More about the problem: `LimitDetails` on a 402, `{ issues }` on `validation_failed`. */
  details: z.optional(z.unknown()),
});
/** An `application/problem+json` error body, as every error answer of the API carries. */
export type Problem = z.infer<typeof problem>;
