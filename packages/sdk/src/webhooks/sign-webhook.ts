import { importSigningKey, signedContent, toBase64 } from './signing-key';

/** One delivery to sign: its id, when it is sent, and its body exactly as it goes on the wire. */
export interface WebhookToSign {
  /** The `webhook-id`: the same for every attempt of one event, so receivers deduplicate by it. */
  id: string;
  /** When the attempt is sent; its whole seconds are the `webhook-timestamp`. */
  timestamp: Date;
  /** The body, as text (UTF-8 encoded) or bytes. */
  body: string | Uint8Array;
}

/**
 * The three headers of a signed delivery, as the Standard Webhooks specification names them (a type, not an
 * interface, so that it passes where any header record does).
 */
export type WebhookHeaders = {
  /** The delivery's id, the same for every attempt: what receivers deduplicate by. */
  'webhook-id': string;
  /** When the attempt was sent, in whole seconds since 1970 (Unix time). */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>`. */
  'webhook-signature': string;
};

/**
 * Signs a delivery as the Standard Webhooks specification describes: HMAC-SHA256 of
 * `<id>.<timestamp>.<body>` with the endpoint's secret, sent as `webhook-signature: v1,<base64>`. The Credit
 * API signs its deliveries with it; a host can use it to build deliveries its own tests replay.
 */
export async function signWebhook(delivery: WebhookToSign, secret: string): Promise<WebhookHeaders> {
  const key = await importSigningKey(secret);
  const timestamp = Math.floor(delivery.timestamp.getTime() / 1000);
  const body = typeof delivery.body === 'string' ? new TextEncoder().encode(delivery.body) : delivery.body;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, signedContent(delivery.id, timestamp, body)));
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${toBase64(mac)}`,
  };
}
