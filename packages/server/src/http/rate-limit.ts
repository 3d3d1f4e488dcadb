import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Caller } from './env';
import { ApiProblem } from './problem';

/** A token bucket's shape: the sustained rate, and how many requests may come at once on top of a quiet spell. */
export interface BucketSize {
  perSecond: number;
  burst: number;
}

/** Limits per credential: a workspace's secret key (its host server), and each user's session tokens; null is none. */
export interface RateLimits {
  secretKey: BucketSize | null;
  session: BucketSize | null;
}

/**
 * The defaults outside dev mode. A host server charging a bulk enrichment with its secret key stays well
 * under 200 requests a second per workspace on one database; a browser, whose badges batch their reads,
 * under 20. Either is raised (or turned off) with the server's options.
 */
export const defaultRateLimits: RateLimits = {
  secretKey: { perSecond: 200, burst: 400 },
  session: { perSecond: 20, burst: 60 },
};

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

/** Past this many buckets, full ones (credentials quiet for a while) are dropped: they hold nothing. */
const maxBuckets = 50_000;

/** Who a request is counted against: a secret key speaks for its workspace, a session token for one user. */
function bucketKey(caller: Caller): string {
  return caller.credential === 'secret_key'
    ? `key ${caller.workspaceId}`
    : `session ${caller.workspaceId} ${caller.userId ?? ''}`;
}

/**
 * Per-credential rate limits as token buckets, after authentication: one tenant's flood is answered 429
 * with `Retry-After` before it reaches the database, so it cannot slow another tenant down. A bucket is
 * refilled lazily on each request, so idle credentials cost no timer.
 */
export function rateLimit(limits: RateLimits, clock: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();

  const sizeOf = (caller: Pick<Caller, 'credential'>) =>
    caller.credential === 'secret_key' ? limits.secretKey : limits.session;

  function prune(now: number): void {
    for (const [key, bucket] of buckets) {
      const size = sizeOf({ credential: key.startsWith('key ') ? 'secret_key' : 'session' });
      if (!size || bucket.tokens + ((now - bucket.at) / 1000) * size.perSecond >= size.burst) buckets.delete(key);
    }
  }

  return async (context, next) => {
    // No caller: the one route that takes no credential (dev mode's workspace creation).
    const caller = context.get('caller') as Caller | undefined;
    const size = caller && sizeOf(caller);
    if (!caller || !size) return next();
    const key = bucketKey(caller);
    const now = clock();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxBuckets) prune(now);
      bucket = { tokens: size.burst, at: now };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(size.burst, bucket.tokens + ((now - bucket.at) / 1000) * size.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / size.perSecond));
      throw new ApiProblem(
        429,
        'rate_limited',
        `Too many requests for this credential: at most ${size.perSecond} a second (bursts of ${size.burst}). ` +
          `Retry after ${retryAfter} s.`,
        { limit: size.perSecond, burst: size.burst, retryAfter },
        { 'retry-after': String(retryAfter) },
      );
    }
    bucket.tokens -= 1;
    await next();
  };
}
