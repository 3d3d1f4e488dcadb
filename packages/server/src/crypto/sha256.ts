import { bytesToHex } from './hex';

/** The SHA-256 of the text's UTF-8 bytes as lower-case hex (Web Crypto, so asynchronous; Node and browsers alike). */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
