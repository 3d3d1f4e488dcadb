import { randomBase64url } from '../crypto/random';

/** A server-made id: a readable prefix and 16 random bytes, so ids say what they are and cannot be guessed. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase64url(16)}`;
}
