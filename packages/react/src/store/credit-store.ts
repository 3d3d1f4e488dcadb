import type { QueryLoader, QuerySnapshot } from './query-snapshot';

/**
 * Which keys an invalidation reaches: a key reaches itself and the keys under it (`'spend-limit'`
 * reaches `'spend-limit:workbook:wb_1'`), or a predicate decides.
 */
export type KeyMatch = string | ((key: string) => boolean);

/**
 * The framework-free query cache behind the hooks: one entry per string key, one request per key in
 * flight, stale-while-revalidate, and live updates from the Credit API's event stream while anything
 * is observed. React reads it through `useSyncExternalStore`; nothing here imports React.
 */
export interface CreditStore {
  /** The key's current snapshot; the shared loading snapshot for a key never asked for. */
  getSnapshot<Data>(key: string): QuerySnapshot<Data>;
  /**
   * Watches a key: `listener` is called when (and only when) this key's snapshot changes. Fetches with
   * `load` when the key has no answer yet or its answer is stale. Returns the function that stops watching.
   */
  observe<Data>(key: string, load: QueryLoader<Data>, listener: () => void): () => void;
  /** Asks again now (a retry button), sharing a request already in flight. Settles when the answer is shown. */
  refetch(key: string): Promise<void>;
  /** Shows `data` for the key as its newest answer: responses to requests sent before this are dropped. */
  setData<Data>(key: string, data: Data): void;
  /** Marks matching keys stale after a change; the observed ones are fetched again right away. */
  invalidate(match: KeyMatch): void;
}
