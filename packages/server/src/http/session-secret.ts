import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Where a server keeps the secret it generated, beside its embedded data, so a restart keeps tokens valid. */
export const sessionSecretFileName = 'session-secret';

/** A secret given to the server, checked: shorter than 32 bytes (an empty string included) is refused. */
export function checkSessionSecret(given: string): string {
  // Bytes that are not UTF-8 reach the process as U+FFFD each (3 bytes once encoded): eleven different
  // invalid bytes would pass a length check as 33 and all sign with the same key.
  if (given.includes('\ufffd')) throw new WeakSessionSecretError(null);
  const bytes = Buffer.byteLength(given, 'utf8');
  if (bytes < minSessionSecretBytes) throw new WeakSessionSecretError(bytes);
  return given;
}

/**
 * The secret of a server given none: the one kept in its data folder, else a new random one, kept there
 * when there is a folder. Without one (in memory, PostgreSQL) a generated secret lives as long as the
 * process, so several instances of one deployment need a secret given to all of them.
 */
export function generatedSessionSecret(dataDir: string | undefined): string {
  const file = dataDir === undefined ? undefined : join(dataDir, sessionSecretFileName);
  if (file && existsSync(file)) return checkSessionSecret(readFileSync(file, 'utf8').trim());
  const secret = randomBytes(minSessionSecretBytes).toString('hex');
  if (file) writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
