import { base64urlToText, textToBase64url } from '../crypto/base64url';
import { invalidValue } from './validate';

/**
 * Cursors are opaque to clients: a position (a row id or an offset), base64url-encoded, so a client
 * does not build one by hand and we may change what is inside.
 */
export function encodeCursor(position: number): string {
  return textToBase64url(String(position));
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const decoded = base64urlToText(cursor);
  if (decoded === null || !/^\d{1,15}$/.test(decoded) || encodeCursor(Number(decoded)) !== cursor) {
    throw invalidValue(['cursor'], 'This cursor was not given by the API.');
  }
  return Number(decoded);
}
