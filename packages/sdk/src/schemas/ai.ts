import * as z from 'zod/mini';
import { count, credits, openEnum, page, positiveCreditAmount, resourceId, timestamp } from './primitives';

/** A model's rates in credits per 1,000 tokens, prompt and output priced apart (R9). */
export const aiModel = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  inputCreditsPer1kTokens: credits,
  outputCreditsPer1kTokens: credits,
  ownKey: z.boolean(),
});
export type AiModel = z.infer<typeof aiModel>;
export const aiModelPage = page(aiModel);

/**
 * Estimate a run from token counts, or from the prompt text (the server counts its tokens).
 * `outputTokens` is the expected output per row in both cases.
 */
export const aiEstimateCreateParams = z
  .object({
    model: resourceId,
    rows: z.number().check(z.int(), z.gte(1), z.lte(10_000_000)),
    inputTokens: z.optional(count),
    prompt: z.optional(z.string().check(z.maxLength(200_000))),
    outputTokens: count,
  })
  .check(
    z.refine((params) => params.inputTokens !== undefined || params.prompt !== undefined, {
      error: 'Give inputTokens or prompt.',
    }),
  );
export type AiEstimateCreateParams = z.infer<typeof aiEstimateCreateParams>;

export const aiEstimate = z.object({
  model: z.string(),
  rows: count,
  inputTokens: count,
  outputTokens: count,
  perRow: credits,
  total: credits,
  ownKey: z.boolean(),
});
export type AiEstimate = z.infer<typeof aiEstimate>;

/** Open a run with a budget: charges settle against it and the rest is released on completion (R9). */
export const aiRunCreateParams = z.object({
  runId: resourceId,
  workbookId: resourceId,
  enrichmentId: z.optional(resourceId),
  model: z.optional(resourceId),
  budget: positiveCreditAmount,
});
export type AiRunCreateParams = z.infer<typeof aiRunCreateParams>;

export const aiRun = z.object({
  id: z.string(),
  workbookId: z.string(),
  enrichmentId: z.nullable(z.string()),
  model: z.nullable(z.string()),
  status: openEnum(['running', 'completed']),
  budget: credits,
  spent: credits,
  remaining: credits,
  createdAt: timestamp,
  completedAt: z.nullable(timestamp),
});
export type AiRun = z.infer<typeof aiRun>;
