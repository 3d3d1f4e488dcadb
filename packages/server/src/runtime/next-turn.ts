/**
 * Resolves on a later turn of the event loop, after what is already waiting (I/O, timers, messages):
 * `setImmediate` on Node, a zero-delay timer in a browser, which has no `setImmediate`.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
