/** Bytes as lower-case hex, two digits each (what Node's `digest('hex')` writes). */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
