import { bytesToBase64url } from './base64url';
import { bytesToHex } from './hex';

/** `count` bytes from the runtime's cryptographic random source (Web Crypto: Node and browsers alike). */
function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

/** `count` random bytes as base64url text, for ids and secret keys. */
export function randomBase64url(count: number): string {
  return bytesToBase64url(randomBytes(count));
}

/** `count` random bytes as lower-case hex, for generated session secrets. */
export function randomHex(count: number): string {
  return bytesToHex(randomBytes(count));
}
