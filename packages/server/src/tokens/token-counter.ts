/**
 * Counts a prompt's tokens for AI estimates (R9) without holding the event loop that answers every workspace.
 * The app takes one through its options: on Node a pool of worker threads (`token-counting-pool.ts`); a runtime
 * without threads passes its own.
 */
export interface TokenCounter {
  /** The prompt's tokens; rejects with `TokenCounterBusyError` when too much text is already waiting. */
  count(text: string): Promise<number>;
  /** Refuses further counts and stops counting; counts still waiting are rejected. */
  close(): Promise<void>;
}
