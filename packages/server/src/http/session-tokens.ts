import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Caller } from './env';

interface TokenClaims {
  ws: string;
  sub: string;
  role: 'admin' | 'member';
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A session token: `st_<claims>.<HMAC>`, stateless, valid at most an hour. */
export function mintSessionToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `st_${payload}.${sign(payload, secret)}`;
}

/** The caller a token speaks for, or null when it is forged, malformed or expired. */
export function verifySessionToken(token: string, secret: string, now: Date): Caller | null {
  const match = /^st_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, payload = '', signature = ''] = match;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims.ws !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
  if (claims.role !== 'admin' && claims.role !== 'member') return null;
  if (claims.exp * 1000 <= now.getTime()) return null;
  return { workspaceId: claims.ws, userId: claims.sub, role: claims.role, credential: 'session' };
}
