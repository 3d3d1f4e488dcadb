import * as z from 'zod/mini';
import { page, timestamp } from './primitives';

/** A provider integration. Its own key is never returned, only the key's last 4 characters (R10). */
export const integration = z.object({
  provider: z.string(),
  name: z.string(),
  ownKey: z.boolean(),
  keyLast4: z.nullable(z.string()),
  updatedAt: z.nullable(timestamp),
});
export type Integration = z.infer<typeof integration>;
export const integrationPage = page(integration);

export const integrationKeySetParams = z.object({
  apiKey: z.string().check(z.minLength(8), z.maxLength(500)),
});
export type IntegrationKeySetParams = z.infer<typeof integrationKeySetParams>;
