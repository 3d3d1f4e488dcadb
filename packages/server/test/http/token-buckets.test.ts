import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/http/token-buckets';

describe('TokenBuckets', () => {
  const size = { perSecond: 2, burst: 3 };

  it('gives a burst, then one token per 1/rate seconds, saying how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    for (let index = 0; index < 3; index++) {
      expect(buckets.wait('a', size)).toBe(0);
      buckets.spend('a', size);
    }
    expect(buckets.wait('a', size)).toBe(1);
    expect(buckets.wait('b', size)).toBe(0);
    now += 500;
    expect(buckets.wait('a', size)).toBe(0);
  });

  it('takes back a refunded token, never past the burst', () => {
    const buckets = new TokenBuckets(() => 0);
    for (let index = 0; index < 3; index++) buckets.spend('a', size);
    expect(buckets.wait('a', size)).toBe(1);
    buckets.refund('a', size);
    expect(buckets.wait('a', size)).toBe(0);
    for (let index = 0; index < 5; index++) buckets.refund('b', size);
    for (let index = 0; index < 3; index++) buckets.spend('b', size);
    expect(buckets.wait('b', size)).toBe(1);
  });

  it('a clock that steps back neither drains a bucket nor refills it', () => {
    let now = 10_000_000;
    const buckets = new TokenBuckets(() => now);
    buckets.spend('a', size);
    now -= 3_600_000;
    expect(buckets.wait('a', size)).toBe(0);
    buckets.spend('a', size);
    buckets.spend('a', size);
    expect(buckets.wait('a', size)).toBe(1);
  });
});
