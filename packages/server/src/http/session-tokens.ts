import { base64urlToBytes, base64urlToText, bytesToBase64url, textToBase64url } from '../crypto/base64url';
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

/** Mints and checks the session tokens of one secret. */
export interface SessionTokens {
  /** A session token: `st_<claims>.<HMAC-SHA256>`, stateless, valid at most an hour. */
  mint(claims: TokenClaims): Promise<string>;
  /** The caller a token speaks for, or null when it is forged, malformed or expired. */
  verify(token: string, now: Date): Promise<Caller | null>;
}

/**
 * Session tokens signed with HMAC-SHA256 of the secret's UTF-8 bytes, through Web Crypto so the app runs in a
 * browser too; the same signatures as before (Node's `createHmac`), so tokens already handed out stay valid.
 */
export function sessionTokens(secret: string): SessionTokens {
  let key: ReturnType<typeof crypto.subtle.importKey> | undefined;
  // Imported on first use: an app that never sees a token never needs it.
  const hmacKey = () =>
    (key ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    ));

  return {
    async mint(claims) {
      const payload = textToBase64url(JSON.stringify(claims));
      const signature = await crypto.subtle.sign('HMAC', await hmacKey(), new TextEncoder().encode(payload));
      return `st_${payload}.${bytesToBase64url(new Uint8Array(signature))}`;
    },

    async verify(token, now) {
      const match = /^st_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
      if (!match) return null;
      const [, payload = '', signature = ''] = match;
      const signatureBytes = base64urlToBytes(signature);
      // One spelling per signature, as when signatures were compared as text: the unused low bits of the last
      // character must be zero, so no token has look-alike twins.
      if (!signatureBytes || bytesToBase64url(signatureBytes) !== signature) return null;
      // Web Crypto's HMAC verification compares in constant time.
      const signed = await crypto.subtle.verify(
        'HMAC',
        await hmacKey(),
        signatureBytes,
        new TextEncoder().encode(payload),
      );
      if (!signed) return null;
      return callerOf(payload, now);
    },
  };
}

/** The caller of a payload whose signature holds, or null when its claims are malformed or out of their hour. */
function callerOf(payload: string, now: Date): Caller | null {
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(base64urlToText(payload) ?? '');
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
