import * as z from 'zod/mini';
import { credits, openEnum, page, resourceId } from './primitives';

/**
 * An action's price before running it (R8). `credits` is the list price; `effectiveCredits` is what
 * this workspace pays: 0 when it has its own key for the provider (R10). AI actions name their model
 * and are priced by tokens (R9), so their `credits` is the estimate for one typical row.
 */
export const action = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  dataType: z.string(),
  kind: openEnum(['lookup', 'ai']),
  model: z.nullable(z.string()),
  credits: credits,
  ownKey: z.boolean(),
  effectiveCredits: credits,
});
export type Action = z.infer<typeof action>;

export const actionListParams = z.object({
  ids: z.optional(z.array(resourceId).check(z.minLength(1), z.maxLength(500))),
});
export type ActionListParams = z.infer<typeof actionListParams>;
export const actionPage = page(action);
