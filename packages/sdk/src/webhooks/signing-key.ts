import { CreditError } from '../core/errors/credit-error';

/** What every endpoint's signing secret starts with, as the Standard Webhooks specification names it. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Bytes of base64 text; the alphabet is checked, so a mistyped secret fails loudly instead of signing with garbage. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The HMAC-SHA256 key of a `whsec_…` secret (the prefix is optional, the rest is base64). Web Crypto keeps it
 * the same in Node, Deno, browsers and edge runtimes, and its `verify` compares in constant time.
 */
export async function importSigningKey(secret: string): Promise<CryptoKey> {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const bytes = fromBase64(encoded);
  if (bytes === null || bytes.length === 0) {
    throw new CreditError('A webhook secret is `whsec_` followed by base64 text, as the endpoint was given it.', {
      code: 'webhook_secret_invalid',
    });
  }
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** What is signed: `<webhook-id>.<webhook-timestamp>.<body>`, the body's bytes exactly as sent. */
export function signedContent(id: string, timestamp: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix);
  content.set(body, prefix.length);
  return content;
}
