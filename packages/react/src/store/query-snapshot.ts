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
    | {
        /** No answer and no failure yet. */
        readonly status: 'loading';
        /** Undefined until the first answer. */
        readonly data: undefined;
        /** Undefined: nothing has failed yet. */
        readonly error: undefined;
      }
    | {
        /** The latest request answered; stays so while the answer is revalidated. */
        readonly status: 'success';
        /** The latest answer. */
        readonly data: Data;
        /** Undefined after an answer. */
        readonly error: undefined;
      }
    | {
        /** The latest request failed. */
        readonly status: 'error';
        /** The last answer, still worth showing, or undefined when none arrived before the failure. */
        readonly data: Data | undefined;
        /** What the loader threw; for the kit's hooks, usually an SDK `CreditError` such as `NotFoundError`. */
        readonly error: unknown;
      }
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
