import * as z from 'zod/mini';
import { credits, openEnum, page, resourceId } from './primitives';

/**
 * An action's price before running it (R8). `credits` is the list price; `effectiveCredits` is what
 * this workspace pays: 0 when it has its own key for the provider (R10). AI actions name their model
 * and are priced by tokens (R9), so their `credits` is the estimate for one typical row.
 */
export const action = z.object({
  /** The action's catalogue id, e.g. `find-mobile-phone`: what a charge names as `actionId`. */
  id: z.string(),
  /** The action's display name, e.g. `Find mobile phone number`. */
  name: z.string(),
  /** The id of the provider that delivers the data, e.g. `phonebook`; an own key for it makes the action free (R10). */
  provider: z.string(),
  /** The kind of data the action fills, e.g. `email` or `mobile_phone`; AI actions give `ai_text`. */
  dataType: z.string(),
  /** `lookup` for a fixed price per record, `ai` for a price by tokens at the model's rates (R9). */
  kind: openEnum(['lookup', 'ai']),
  /** The model's id of an AI action, e.g. `gpt-mini`; null for lookups. */
  model: z.nullable(z.string()),
  /** The list price in credits, up to 3 decimals; for AI actions, one typical row. */
  credits: credits,
  /** True when the workspace has its own key for the provider (R10). */
  ownKey: z.boolean(),
  /** What this workspace pays: `credits`, or 0 with its own key (R10). */
  effectiveCredits: credits,
});
/** An action's cost before running it (R8), with the workspace's own-key effect (R10). */
export type Action = z.infer<typeof action>;

/** Which actions to list: all of them, or those named by `ids`. */
export const actionListParams = z.object({
  /** Up to 500 action ids; the whole catalogue when omitted. */
  ids: z.optional(z.array(resourceId).check(z.minLength(1), z.maxLength(500))),
});
/** Which actions to list: all, or those named by `ids`. */
export type ActionListParams = z.infer<typeof actionListParams>;
/** One page of actions: every one asked for that exists, so `nextCursor` is null. */
export const actionPage = page(action);
