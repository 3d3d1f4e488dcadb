import * as z from 'zod/mini';
import { maxCharacters, page, storableText, timestamp } from './primitives';

/** A provider integration. Its own key is never returned, only the key's last 4 characters (R10). */
export const integration = z.object({
  /** The provider's id, e.g. `openai` or `phonebook`: the `provider` of actions and models. */
  provider: z.string(),
  /** The provider's display name, e.g. `OpenAI`. */
  name: z.string(),
  /** True when the workspace has set its own key, so the provider's actions cost 0 credits (R10). */
  ownKey: z.boolean(),
  /** The own key's last 4 characters, to recognise it; null when no key is set. */
  keyLast4: z.nullable(z.string()),
  /** When the own key was last set; null when no key is set. */
  updatedAt: z.nullable(timestamp),
});
/** A provider integration and whether the workspace has its own key for it (R10). */
export type Integration = z.infer<typeof integration>;
/** One page of integrations: every provider, so `nextCursor` is null. */
export const integrationPage = page(integration);

/** Set a provider's own API key (R10); admins only (R20). */
export const integrationKeySetParams = z.object({
  /** The provider's API key, 8–500 characters of well-formed text without NUL; stored hashed and never returned. */
  apiKey: z.string().check(z.minLength(8), maxCharacters(500), storableText),
});
/** The own API key to set for a provider (R10). */
export type IntegrationKeySetParams = z.infer<typeof integrationKeySetParams>;
