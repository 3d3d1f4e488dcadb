import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Caller, RateLimits } from './env';
import { ApiProblem } from './problem';
import { type BucketSize, TokenBuckets } from './token-buckets';

/**
 * The defaults outside dev mode. A host server charging a bulk enrichment with its secret key stays well
 * under 200 requests a second per workspace on one database; a browser, whose badges batch their reads,
 * under 20; a whole workspace, host and browsers together, under 300. Each is raised (or turned off) with
 * the server's options.
 */
export const defaultRateLimits: RateLimits = {
  workspace: { perSecond: 300, burst: 600 },
  secretKey: { perSecond: 200, burst: 400 },
  session: { perSecond: 20, burst: 60 },
};

/**
 * The limits a server runs with: each kind given (null for none) as given, else the default, or none in
 * dev mode. Null when no kind is limited.
 */
export function resolveRateLimits(dev: boolean, given: Partial<RateLimits> | null = {}): RateLimits | null {
  if (given === null) return null;
  const pick = (kind: keyof RateLimits) => {
    const size = given[kind];
    return size !== undefined ? size : dev ? null : defaultRateLimits[kind];
  };
  const limits: RateLimits = { workspace: pick('workspace'), secretKey: pick('secretKey'), session: pick('session') };
  return limits.workspace || limits.secretKey || limits.session ? limits : null;
}

export function rateLimited(size: BucketSize, retryAfter: number, whose: string): ApiProblem {
  return new ApiProblem(
    429,
    'rate_limited',
    `Too many requests for ${whose}: at most ${size.perSecond} a second (bursts of ${size.burst}). ` +
      `Retry after ${retryAfter} s.`,
    { limit: size.perSecond, burst: size.burst, retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

/** The buckets a caller's request draws from, with the words a refusal uses for each. */
function bucketsOf(limits: RateLimits, caller: Caller): { key: string; size: BucketSize | null; whose: string }[] {
  const credential =
    caller.credential === 'secret_key'
      ? { key: `key ${caller.workspaceId}`, size: limits.secretKey, whose: "this workspace's secret key" }
      : { key: `user ${caller.workspaceId} ${caller.userId}`, size: limits.session, whose: "this user's sessions" };
  return [credential, { key: `workspace ${caller.workspaceId}`, size: limits.workspace, whose: 'this workspace' }];
}

/**
 * Per-workspace and per-credential rate limits, after authentication and before any work: a tenant's
 * flood is answered 429 with `Retry-After` before it reaches the database. A request is counted only when
 * every bucket it draws from has room, so a refused request costs none of them.
 */
export function rateLimit(limits: RateLimits, buckets = new TokenBuckets()): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    // No caller: the one route that takes no credential (dev mode's workspace creation).
    const caller = context.get('caller') as Caller | undefined;
    if (!caller) return next();
    const drawn = bucketsOf(limits, caller).flatMap(({ size, ...rest }) => (size ? [{ size, ...rest }] : []));
    for (const { key, size, whose } of drawn) {
      const retryAfter = buckets.wait(key, size);
      if (retryAfter > 0) throw rateLimited(size, retryAfter, whose);
    }
    for (const { key, size } of drawn) buckets.spend(key, size);
    await next();
  };
}
