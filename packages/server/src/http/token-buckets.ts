/** A token bucket's shape: the sustained rate, and how many requests may come at once after a quiet spell. */
export interface BucketSize {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms of the monotonic clock. */
  at: number;
  size: BucketSize;
}

/** Past this many buckets, full ones (keys quiet for a while) are dropped: they hold nothing. */
const maxBuckets = 50_000;

/**
 * Token buckets by key, refilled lazily when a key is used, so idle keys cost no timer. The clock is
 * monotonic (`performance.now`): a wall clock stepped back (an NTP correction) would otherwise drain every
 * bucket and refuse every credential for as long as the step.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The seconds to wait before `key` may spend one token, or 0 when it has one now. Spends nothing. */
  wait(key: string, size: BucketSize): number {
    const bucket = this.refreshed(key, size);
    return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / size.perSecond));
  }

  /** Spends one token of `key` (it may go below zero: a debt paid back by waiting). */
  spend(key: string, size: BucketSize): void {
    this.refreshed(key, size).tokens -= 1;
  }

  /** Gives back one token `spend` took for something that turned out not to count (never past the burst). */
  refund(key: string, size: BucketSize): void {
    const bucket = this.refreshed(key, size);
    bucket.tokens = Math.min(size.burst, bucket.tokens + 1);
  }

  private refreshed(key: string, size: BucketSize): Bucket {
    const now = this.clock();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= maxBuckets) this.prune(now);
      bucket = { tokens: size.burst, at: now, size };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(size.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * size.perSecond);
    bucket.at = now;
    return bucket;
  }

  private prune(now: number): void {
    for (const [key, { tokens, at, size }] of this.buckets) {
      if (tokens + ((now - at) / 1000) * size.perSecond >= size.burst) this.buckets.delete(key);
    }
  }
}
