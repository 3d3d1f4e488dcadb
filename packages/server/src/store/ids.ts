import { randomBytes } from 'node:crypto';

/** A server-made id: a readable prefix and 16 random bytes, so ids say what they are and cannot be guessed. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}
