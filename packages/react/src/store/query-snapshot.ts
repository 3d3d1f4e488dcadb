/** Where a query stands: no answer yet, an answer, or a failure (which may still carry the last answer). */
export type QueryStatus = 'loading' | 'success' | 'error';

/**
 * When a snapshot's answer arrived and whether a request for it is in flight.
 * @inline
 */
interface Freshness {
  /** When the shown answer or failure arrived (ms since the epoch); 0 before the first. */
  readonly updatedAt: number;
  /** True while a request for this key is in flight, including a background revalidation. */
  readonly isFetching: boolean;
}

/**
 * One key's state, immutable: the store makes a new object only when something in it changes, so a
 * `useSyncExternalStore` reader re-renders only when its own key moves.
 *
 * While an answer is revalidated the status stays `success` and the old data stays on screen
 * (stale-while-revalidate). A failed revalidation keeps the last data next to the error, so a widget
 * can go on showing the balance and say that refreshing it failed.
 */
export type QuerySnapshot<Data> = Freshness &
  (
    | { readonly status: 'loading'; readonly data: undefined; readonly error: undefined }
    | { readonly status: 'success'; readonly data: Data; readonly error: undefined }
    | { readonly status: 'error'; readonly data: Data | undefined; readonly error: unknown }
  );

/** Asks the API for one key's data. Everything it reads must be named by the key. */
export type QueryLoader<Data> = () => Promise<Data>;

/**
 * What every key shows before its first answer, and what server rendering shows: one shared object,
 * so reading an unknown key never creates a new snapshot.
 */
export const loadingSnapshot: QuerySnapshot<never> = Object.freeze({
  status: 'loading',
  data: undefined,
  error: undefined,
  updatedAt: 0,
  isFetching: false,
});
