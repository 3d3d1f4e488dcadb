import * as z from 'zod/mini';
import { credits, openEnum } from './primitives';

/** What a credit refusal (402) names: the limit that blocked and its numbers. */
export const limitDetails = z.object({
  scope: openEnum(['workspace', 'workbook', 'enrichment', 'run']),
  /** The workbook, enrichment or run id; null for the workspace balance. */
  id: z.nullable(z.string()),
  limit: credits,
  spent: credits,
  remaining: credits,
});
export type LimitDetails = z.infer<typeof limitDetails>;

/** An `application/problem+json` body: every error the API answers. */
export const problem = z.object({
  type: z.string(),
  status: z.number(),
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  details: z.optional(z.unknown()),
});
export type Problem = z.infer<typeof problem>;
