import * as z from 'zod/mini';
import { count, maxCharacters, page, pageParams, storableText, timestamp } from './primitives';
import { validationDetails } from './problem';

/** The most webhook endpoints one workspace may have; one more is a 422 `webhook_endpoint_limit_reached`. */
export const MAX_WEBHOOK_ENDPOINTS = 16;

/** The longest endpoint URL, in characters. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The most event types one endpoint may filter on. */
export const MAX_WEBHOOK_EVENT_TYPES = 32;

/**
 * True for an absolute `http:` or `https:` URL without credentials or fragment: where the Credit API may POST.
 * Whether its address may be reached (no loopback, private or metadata address) is the server's call.
 */
export function isWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    !value.includes('#')
  );
}

/** Where deliveries are POSTed: an absolute http(s) URL, at most 2,048 characters, without credentials or fragment. */
export const webhookUrl = z.string().check(
  maxCharacters(MAX_WEBHOOK_URL_LENGTH),
  // The scheme, a host without user name or password, then a path or query without fragment.
  z.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@]+([/?][^\s#]*)?$/, {
    error: 'Expected an http:// or https:// URL without user name, password or fragment.',
  }),
  z.refine(isWebhookUrl, {
    error: 'Expected an absolute http(s) URL with a host, without user name, password or fragment.',
  }),
  storableText,
);

/** An event type an endpoint subscribes to, e.g. `balance.updated`: dotted lower-case words. */
export const webhookEventType = z.string().check(
  maxCharacters(100),
  z.regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, {
    error: 'Expected an event type such as `balance.updated`.',
  }),
);

/** The event types an endpoint receives: 1–32 different types; types a later server adds are accepted too. */
export const webhookEventTypes = z.array(webhookEventType).check(
  z.minLength(1, { error: 'List at least one event type, or send null for every type.' }),
  z.maxLength(MAX_WEBHOOK_EVENT_TYPES, { error: `At most ${MAX_WEBHOOK_EVENT_TYPES} event types.` }),
  z.refine((types: string[]) => new Set(types).size === types.length, { error: 'Each event type once.' }),
);

/** Where the Credit API POSTs a workspace's events, signed per the Standard Webhooks specification (R26). */
export const webhookEndpoint = z.object({
  /** The endpoint's id (`we_…`). */
  id: z.string(),
  /** Where deliveries are POSTed. */
  url: z.string(),
  /** The event types it receives; null for every type, those a later server adds included. */
  eventTypes: z.nullable(z.array(z.string())),
  /**
   * False while it receives nothing: events that happen while it is disabled are not sent to it, and deliveries
   * already queued wait until it is enabled again.
   */
  enabled: z.boolean(),
  /**
   * While a rotated secret is still honoured, until when: deliveries carry a signature by each secret
   * (`webhook-signature` lists both) until then. Null when only the current secret signs.
   */
  previousSecretExpiresAt: z.nullable(timestamp),
  /** When the endpoint was created. */
  createdAt: timestamp,
  /** When its URL, event types or state last changed, or its secret was rotated. */
  updatedAt: timestamp,
});
/** A webhook endpoint (R26). Its signing secret is shown once, when created and when rotated. */
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** A webhook endpoint with its signing secret: the answer of creation and rotation, the only times it is shown. */
export const webhookEndpointWithSecret = z.extend(webhookEndpoint, {
  /** The signing secret, `whsec_` and base64 of 32 random bytes: give it to `verifyWebhook`. Shown only now. */
  secret: z.string(),
});
/** A webhook endpoint with its signing secret, shown once. */
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecret>;

/** Every webhook endpoint of the workspace, at most 16, so one page and `nextCursor` null. */
export const webhookEndpointPage = page(webhookEndpoint);

/** Create a webhook endpoint; the secret key or an admin (R20). */
export const webhookEndpointCreateParams = z.object({
  /** Where deliveries are POSTed; a loopback, private, link-local or metadata address is refused. */
  url: webhookUrl,
  /** The event types it receives; omitted or null for every type. */
  eventTypes: z.optional(z.nullable(webhookEventTypes)),
  /** False to create it disabled (it receives nothing until enabled); true when omitted. */
  enabled: z.optional(z.boolean()),
});
/** A webhook endpoint to create. */
export type WebhookEndpointCreateParams = z.infer<typeof webhookEndpointCreateParams>;

/** Change a webhook endpoint: the fields given, at least one. */
export const webhookEndpointUpdateParams = z
  .object({
    /** A new URL, checked as at creation. */
    url: z.optional(webhookUrl),
    /** New event types; null for every type. */
    eventTypes: z.optional(z.nullable(webhookEventTypes)),
    /** False stops deliveries (events meanwhile are not sent to it); true resumes them. */
    enabled: z.optional(z.boolean()),
  })
  .check(
    z.refine((params) => params.url !== undefined || params.eventTypes !== undefined || params.enabled !== undefined, {
      error: 'Give at least one of url, eventTypes and enabled.',
    }),
  );
/** What to change of a webhook endpoint. */
export type WebhookEndpointUpdateParams = z.infer<typeof webhookEndpointUpdateParams>;

/** Where a delivery stands: still being tried, received (a 2xx), or given up after the retry window. */
export const webhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);

/** One attempt of a delivery: what the endpoint answered, or why no answer came. */
export const webhookDeliveryAttempt = z.object({
  /** 1 for the first attempt. */
  number: count,
  /** When it was sent. */
  sentAt: timestamp,
  /** The HTTP status the endpoint answered; null when none came (timeout, refused address, network error). */
  statusCode: z.nullable(z.number()),
  /** Why the attempt failed, for a person; null when it succeeded. */
  error: z.nullable(z.string()),
});
/** One attempt of a webhook delivery. */
export type WebhookDeliveryAttempt = z.infer<typeof webhookDeliveryAttempt>;

/** One event's delivery to one endpoint: its `webhook-id`, its state and its last attempt. */
export const webhookDelivery = z.object({
  /** The delivery's id (`msg_…`), sent as `webhook-id` with every attempt: receivers deduplicate by it. */
  id: z.string(),
  /** The endpoint (`we_…`). */
  endpointId: z.string(),
  /** The event's id, as in its envelope and on `GET /v1/events`. */
  eventId: z.string(),
  /** The event's type. */
  eventType: z.string(),
  /** `pending` while tried, `succeeded` once a 2xx came back, `failed` after the retry window. */
  status: webhookDeliveryStatus,
  /** Attempts made so far. */
  attempts: count,
  /** When the next attempt is due; null once succeeded or failed. */
  nextAttemptAt: z.nullable(timestamp),
  /** The last attempt's HTTP status; null before the first or when no answer came. */
  lastStatusCode: z.nullable(z.number()),
  /** Why the last attempt failed; null when it succeeded or none was made. */
  lastError: z.nullable(z.string()),
  /** When the event was queued for the endpoint. */
  createdAt: timestamp,
  /** When it succeeded or failed for good; null while pending. */
  completedAt: z.nullable(timestamp),
});
/** One event's delivery to one endpoint. */
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

/** A delivery with the log of its attempts, oldest first (the last 100). */
export const webhookDeliveryWithAttempts = z.extend(webhookDelivery, {
  /** Its attempts, oldest first; the last 100 when there were more. */
  attemptLog: z.array(webhookDeliveryAttempt),
});
/** A webhook delivery with its attempts. */
export type WebhookDeliveryWithAttempts = z.infer<typeof webhookDeliveryWithAttempts>;

/** One page of an endpoint's deliveries, newest first. */
export const webhookDeliveryPage = page(webhookDelivery);

/** Which of an endpoint's deliveries to list: newest first, a page at a time. */
export const webhookDeliveryListParams = pageParams;
/** The page of an endpoint's deliveries to read. */
export type WebhookDeliveryListParams = z.infer<typeof webhookDeliveryListParams>;

/** The `details` of `webhook_endpoint_limit_reached` (422). */
export const webhookEndpointLimitDetails = z.extend(validationDetails, {
  /** The most endpoints a workspace may have: 16. */
  maximum: count,
});
