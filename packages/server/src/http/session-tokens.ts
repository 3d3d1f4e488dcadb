import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Caller } from './env';

interface TokenClaims {
  ws: string;
  sub: string;
  role: 'admin' | 'member';
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** The longest a session token lives. A token claiming more is refused whatever its signature. */
export const maxSessionSeconds = 3600;
/** How far apart the clocks of a deployment's servers may be, for a token minted by one and read by another. */
const clockSkewSeconds = 60;

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
  const { ws, sub, role, iat, exp } = claims;
  if (typeof ws !== 'string' || typeof sub !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
    return null;
  }
  if (role !== 'admin' && role !== 'member') return null;
  // Short-lived by construction, not only by the signer's word: a leaked secret or a bug that signs a long
  // lifetime still yields tokens that die within the hour.
  const nowSeconds = now.getTime() / 1000;
  if (exp - iat > maxSessionSeconds || iat > nowSeconds + clockSkewSeconds) return null;
  if (exp - nowSeconds > maxSessionSeconds + clockSkewSeconds || exp <= nowSeconds) return null;
  return { workspaceId: ws, userId: sub, role, credential: 'session', expiresAt: new Date(exp * 1000) };
}
