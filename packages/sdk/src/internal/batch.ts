export interface BatchLimits {
  /** The most keys one load carries. */
  maxBatch: number;
  /**
   * The most characters the keys of one load take URL-encoded, with an encoded comma (`%2C`) each:
   * they travel in a query string, and servers and proxies refuse request lines much over 8 KB.
   */
  maxEncodedLength: number;
  /** How long an answer is reused, in ms. */
  ttl: number;
}

/** Splits keys, in order, into chunks within the batch limits. */
function chunksOf(keys: string[], { maxBatch, maxEncodedLength }: BatchLimits): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const key of keys) {
    const keyLength = encodeURIComponent(key).length + '%2C'.length;
    if (chunk.length > 0 && (chunk.length === maxBatch || length + keyLength > maxEncodedLength)) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(key);
    length += keyLength;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Coalesces single-key loads made in the same tick into as few batched loads as the limits allow,
 * and keeps each answer for `ttl` ms, so a panel of hundreds of cost badges costs one request.
 */
export function createBatchLoader<Value>(
  loadMany: (keys: string[]) => Promise<Map<string, Value>>,
  missing: (key: string) => Error,
  limits: BatchLimits,
) {
  const cache = new Map<string, { value: Promise<Value>; expiresAt: number }>();
  let queue = new Map<string, { resolve: (value: Value) => void; reject: (error: unknown) => void }>();

  function flush() {
    const batch = queue;
    queue = new Map();
    for (const chunk of chunksOf([...batch.keys()], limits)) {
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
      cache.set(key, { value, expiresAt: Date.now() + limits.ttl });
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
