import type { Context, MiddlewareHandler } from 'hono';
import { workspaceOfSecretKey } from '../store/workspaces';
import type { AppEnv, Caller, ServerOptions } from './env';
import { ApiProblem } from './problem';
import { rateLimited } from './rate-limit';
import { sessionTokens } from './session-tokens';
import { type BucketSize, TokenBuckets } from './token-buckets';

/**
 * How long a secret key found in the database is trusted without asking again. Keys are never revoked
 * by this API; the cache spares a busy server's database one query per request.
 */
const knownKeyLifetimeMs = 60_000;
const maxKnownKeys = 10_000;

/**
 * Unknown secret keys each cost a database lookup (a known one is cached), so a client sending made-up keys
 * is held to this many lookups that find nothing, per client address, while rate limits are on.
 */
const unknownKeyLookups: BucketSize = { perSecond: 10, burst: 50 };

/** The peer's address where the runtime gives one (Node's socket); one shared bucket elsewhere. */
function clientAddress(context: Context<AppEnv>): string {
  const env = context.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Resolves the bearer credential to a caller scoped to one workspace (R21); anything else is a 401. */
export function authenticate(options: ServerOptions): MiddlewareHandler<AppEnv> {
  const knownKeys = new Map<string, { workspaceId: string; until: number }>();
  const failedLookups = options.rateLimits ? new TokenBuckets() : null;
  const tokens = sessionTokens(options.sessionSecret);
  async function workspaceOf(secretKey: string, address: string): Promise<string | null> {
    const now = Date.now();
    const known = knownKeys.get(secretKey);
    if (known && known.until > now) return known.workspaceId;
    const retryAfter = failedLookups?.wait(address, unknownKeyLookups) ?? 0;
    if (retryAfter > 0) throw rateLimited(unknownKeyLookups, retryAfter, 'unknown keys from this address');
    // Spent before the lookup, not after it fails: a burst of made-up keys sent at once would otherwise all pass
    // the check before the first of them is found unknown. A key that is found gets its token back.
    failedLookups?.spend(address, unknownKeyLookups);
    const workspaceId = await workspaceOfSecretKey(options.db, secretKey);
    if (workspaceId) {
      failedLookups?.refund(address, unknownKeyLookups);
      if (knownKeys.size >= maxKnownKeys) knownKeys.clear();
      knownKeys.set(secretKey, { workspaceId, until: now + knownKeyLifetimeMs });
    }
    return workspaceId;
  }

  return async (context, next) => {
    const header = context.req.header('authorization') ?? '';
    // RFC 6750: the scheme, one or more spaces, the token.
    const credential = /^Bearer +(\S+)$/i.exec(header)?.[1];
    if (!credential)
      throw new ApiProblem(401, 'unauthorized', 'Send `Authorization: Bearer <secret key or session token>`.');
    let caller: Caller | null = null;
    if (credential.startsWith('sk_')) {
      const workspaceId = await workspaceOf(credential, clientAddress(context));
      if (workspaceId) caller = { workspaceId, role: 'admin', credential: 'secret_key', userId: null, expiresAt: null };
    } else {
      caller = await tokens.verify(credential, options.now());
    }
    if (!caller) throw new ApiProblem(401, 'unauthorized', 'The key or session token is unknown or has expired.');
    context.set('caller', caller);
    await next();
  };
}
