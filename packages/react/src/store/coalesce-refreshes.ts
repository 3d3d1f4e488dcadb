/**
 * Shares one request among the refreshes of a key asked for within `windowMs` of the first, and sends it at the
 * window's end, so that it reflects every change of the burst: a run charging row after row sends a live event
 * per row, and each would otherwise refetch every quote on the page.
 */
export function coalesceRefreshes(windowMs: number) {
  const waiting = new Map<string, Promise<unknown>>();
  return function refresh<Data>(key: string, send: () => Promise<Data>): Promise<Data> {
    const shared = waiting.get(key);
    if (shared) return shared as Promise<Data>;
    const sent = new Promise<void>((resolve) => setTimeout(resolve, windowMs)).then(() => {
      // From here on a change may come after the request: the next refresh opens a window of its own.
      waiting.delete(key);
      return send();
    });
    waiting.set(key, sent);
    return sent;
  };
}
