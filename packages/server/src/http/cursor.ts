import { invalidValue } from './validate';

/**
 * Cursors are opaque to clients: a position (a row id or an offset), base64url-encoded, so a client
 * does not build one by hand and we may change what is inside.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(String(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,15}$/.test(decoded) || encodeCursor(Number(decoded)) !== cursor) {
    throw invalidValue(['cursor'], 'This cursor was not given by the API.');
  }
  return Number(decoded);
}
