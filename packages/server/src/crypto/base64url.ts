/**
 * base64url (RFC 4648 §5, without padding) over the runtime's `btoa`/`atob`, which Node and browsers both have:
 * the app runs in either, so it cannot use Node's `Buffer`.
 */

export function bytesToBase64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or null when it is not one (other characters, or a length no encoding has). */
export function base64urlToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export function textToBase64url(text: string): string {
  return bytesToBase64url(new TextEncoder().encode(text));
}

/** The UTF-8 text of a base64url text (invalid UTF-8 read as U+FFFD), or null when it is not base64url. */
export function base64urlToText(text: string): string | null {
  const bytes = base64urlToBytes(text);
  return bytes && new TextDecoder().decode(bytes);
}

/** Bytes as standard base64 (RFC 4648 §4, `+/` and padding): the alphabet Standard Webhooks secrets use. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
