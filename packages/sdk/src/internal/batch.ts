/**
 * Coalesces single-key loads made in the same tick into batched loads of at most `maxBatch` keys,
 * and keeps each answer for `ttl` ms, so a panel of hundreds of cost badges costs one request.
 */
export function createBatchLoader<Value>(
  loadMany: (keys: string[]) => Promise<Map<string, Value>>,
  missing: (key: string) => Error,
  { maxBatch, ttl }: { maxBatch: number; ttl: number },
) {
  const cache = new Map<string, { value: Promise<Value>; expiresAt: number }>();
  let queue = new Map<string, { resolve: (value: Value) => void; reject: (error: unknown) => void }>();

  function flush() {
    const batch = queue;
    queue = new Map();
    const keys = [...batch.keys()];
    for (let start = 0; start < keys.length; start += maxBatch) {
      const chunk = keys.slice(start, start + maxBatch);
      loadMany(chunk).then(
        (found) => {
          for (const key of chunk) {
            const waiter = batch.get(key);
            const value = found.get(key);
            if (value === undefined) waiter?.reject(missing(key));
            else waiter?.resolve(value);
          }
        },
        (error: unknown) => {
          for (const key of chunk) batch.get(key)?.reject(error);
        },
      );
    }
  }

  return {
    load(key: string): Promise<Value> {
      const cached = cache.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      if (queue.size === 0) queueMicrotask(flush);
      const value = new Promise<Value>((resolve, reject) => queue.set(key, { resolve, reject }));
      cache.set(key, { value, expiresAt: Date.now() + ttl });
      // A failure is not worth remembering: the next load asks again.
      value.catch(() => {
        if (cache.get(key)?.value === value) cache.delete(key);
      });
      return value;
    },
    /** Forget cached answers, e.g. after an own key changes what actions cost. */
    clear() {
      cache.clear();
    },
  };
}
