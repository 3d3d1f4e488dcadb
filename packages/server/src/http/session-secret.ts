import { randomHex } from '../crypto/random';

/**
 * The fewest bytes a session secret may have. Anyone who knows a workspace id (it is in every token) can
 * forge an admin token for it under a short or empty secret; 32 bytes is HMAC-SHA256's own key size.
 */
export const minSessionSecretBytes = 32;

/** The server was given a session secret too short to keep session tokens unforgeable. */
export class WeakSessionSecretError extends Error {
  readonly code = 'weak_session_secret';
  /** `bytes` is the secret's length, or null when it is not valid UTF-8 text. */
  constructor(bytes: number | null) {
    super(
      `The session secret (CREDITKIT_SESSION_SECRET) ${bytes === null ? 'is not valid UTF-8 text' : `has ${bytes} bytes`}; ` +
        `it needs at least ${minSessionSecretBytes} bytes of text. Generate one with \`openssl rand -hex 32\`, and ` +
        'give every server of the deployment the same one.',
    );
  }
}

/** A secret given to the server, checked: shorter than 32 bytes (an empty string included) is refused. */
export function checkSessionSecret(given: string): string {
  // Bytes that are not UTF-8 reach the process as U+FFFD each (3 bytes once encoded): eleven different
  // invalid bytes would pass a length check as 33 and all sign with the same key.
  if (given.includes('\ufffd')) throw new WeakSessionSecretError(null);
  const bytes = new TextEncoder().encode(given).length;
  if (bytes < minSessionSecretBytes) throw new WeakSessionSecretError(bytes);
  return given;
}

/** A new random secret: 32 random bytes as hex text. */
export function randomSessionSecret(): string {
  return randomHex(minSessionSecretBytes);
}
