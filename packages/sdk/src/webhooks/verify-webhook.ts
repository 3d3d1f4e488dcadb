import * as z from 'zod/mini';
import { WebhookVerificationError } from '../core/errors/webhook-verification-error';
import { type CreditEvent, creditEvent, creditEventEnvelope, creditEventTypes } from '../schemas/events';
import { fromBase64, importSigningKey, signedContent } from './signing-key';

/** Five minutes either way, as the Standard Webhooks specification recommends: replays older than that fail. */
const DEFAULT_TOLERANCE_SECONDS = 300;

/** An HMAC-SHA256 signature's length in bytes. */
const SIGNATURE_BYTES = 32;

/**
 * A verified event of a type this SDK does not know yet (a later server added it): answer the delivery with a
 * 2xx and skip it, or upgrade the SDK. Its `type` is `'unknown'` so that a `switch` on the known types narrows;
 * the type the server sent is `sentType`.
 */
export interface UnknownWebhookEvent {
  /** The event's id. */
  id: string;
  /** Always `'unknown'`: see `sentType`. */
  type: 'unknown';
  /** The event type the server sent. */
  sentType: string;
  /** When the change the event reports was made. */
  createdAt: string;
  /** The resource the event is about, unchecked. */
  data: unknown;
}

/** What a verified delivery carries: a typed event, or one of a type this SDK does not know. */
export type WebhookEvent = CreditEvent | UnknownWebhookEvent;

/** The request's headers: a Fetch `Headers`, or a plain object such as Node's `IncomingMessage.headers`. */
export type WebhookRequestHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** How `verifyWebhook` judges a delivery's age. */
export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds, either way; 300 by default. */
  toleranceSeconds?: number;
  /** The time to judge it against; now by default. */
  now?: Date;
}

function header(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.join(' ');
}

function refuse(code: string, message: string): never {
  throw new WebhookVerificationError(message, { code });
}

async function signedByOneOf(
  secrets: readonly string[],
  signatures: string,
  content: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  // A sender may list several signatures, space-separated (one per secret while a secret is rotated).
  const candidates = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => fromBase64(entry.slice(3)))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== null && bytes.length === SIGNATURE_BYTES);
  for (const secret of secrets) {
    const key = await importSigningKey(secret);
    for (const candidate of candidates) {
      // Web Crypto's verify compares in constant time.
      if (await crypto.subtle.verify('HMAC', key, candidate, content)) return true;
    }
  }
  return false;
}

function readEvent(body: Uint8Array): WebhookEvent {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    refuse('webhook_payload_invalid', 'The signed body is not JSON.');
  }
  const envelope = z.safeParse(creditEventEnvelope, json);
  if (!envelope.success) refuse('webhook_payload_invalid', 'The signed body is not a credit event.');
  if (!(creditEventTypes as readonly string[]).includes(envelope.data.type)) {
    const { id, type, createdAt, data } = envelope.data;
    return { id, type: 'unknown', sentType: type, createdAt, data };
  }
  const event = z.safeParse(creditEvent, json);
  if (!event.success)
    refuse('webhook_payload_invalid', `The signed ${envelope.data.type} event does not match its schema.`);
  return event.data;
}

/**
 * Checks that a webhook delivery comes from the Credit API and is recent, then returns its typed event.
 * `body` must be the raw body exactly as received (read it as text or bytes before any JSON parsing: a
 * re-serialised body no longer matches its signature). `secret` is the endpoint's `whsec_…` signing secret, or
 * several while one is rotated. Signatures follow the Standard Webhooks specification (HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`), compared in constant time. Deliveries are at-least-once: skip a
 * `webhook-id` already processed. Throws {@link WebhookVerificationError}; runs on Node, Deno, browsers and edge
 * runtimes (Web Crypto).
 */
export async function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookRequestHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) {
    refuse('webhook_headers_missing', 'A delivery needs webhook-id, webhook-timestamp and webhook-signature headers.');
  }
  if (!/^\d{1,12}$/.test(timestampText))
    refuse('webhook_timestamp_out_of_tolerance', 'webhook-timestamp is not a Unix time.');
  const timestamp = Number(timestampText);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) {
    refuse(
      'webhook_timestamp_out_of_tolerance',
      `webhook-timestamp is ${now - timestamp} s from now, more than the ${tolerance} s allowed.`,
    );
  }
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (!(await signedByOneOf(secrets, signatures, signedContent(id, timestamp, bytes)))) {
    refuse(
      'webhook_signature_mismatch',
      'No webhook-signature matches the secret: the body was changed or the secret is wrong.',
    );
  }
  return readEvent(bytes);
}
