import type { EventsResource } from '@creditkit/sdk';
import type { CreditStore, KeyMatch } from './credit-store';
import { isLastingError } from './is-lasting-error';
import { applyCreditEvent } from './live-updates';
import { loadingSnapshot, type QueryLoader, type QuerySnapshot } from './query-snapshot';

/** How long answers stay fresh and cached, and whether the store follows the event stream. */
export interface CreditStoreOptions {
  /**
   * How long an answer is fresh, in ms: an observer arriving within it reuses the answer without a
   * request. Older answers stay on screen while they are revalidated. Default 30 s.
   */
  staleTime?: number;
  /** How long an entry nobody observes is kept for a remount, in ms. Default 5 minutes; `Infinity` keeps it. */
  gcTime?: number;
  /**
   * Follow the workspace's event stream (`GET /v1/events`) while anything is observed, so the balance
   * and limits move without polling. Default true.
   */
  live?: boolean;
  /** Told of event-stream failures; the SDK reconnects by itself unless the failure is final (401, 403). */
  onLiveError?: (error: unknown) => void;
}

interface Entry {
  snapshot: QuerySnapshot<unknown>;
  /** How to ask again: the loader of the latest observer. */
  load: QueryLoader<unknown> | undefined;
  listeners: Set<() => void>;
  inFlight: { seq: number; done: Promise<void> } | undefined;
  /** The sequence number of what the snapshot shows: any answer with a lower one is older, and dropped. */
  shownSeq: number;
  /** The sequence number of the latest invalidation: requests sent before it may predate the change. */
  invalidatedSeq: number;
  gcTimer: ReturnType<typeof setTimeout> | undefined;
}

type Settled = { status: 'success'; data: unknown } | { status: 'error'; error: unknown };

const defaultStaleTime = 30_000;
const defaultGcTime = 5 * 60_000;

function matcher(match: KeyMatch): (key: string) => boolean {
  if (typeof match === 'function') return match;
  return (key) => key === match || key.startsWith(`${match}:`);
}

/** What the store needs of an SDK client: its event stream. A `CreditClient` is one. */
export interface CreditEventSource {
  /** The SDK's event stream, followed while the store is `live` and anything is observed. */
  events: Pick<EventsResource, 'subscribe'>;
}

/**
 * Creates the query cache the hooks read (TanStack Query's model, small): pass it to `<CreditProvider store>`
 * to share one cache between several providers or to invalidate from outside React; otherwise the provider
 * makes its own. Of the client it uses only `events`; the loaders the hooks pass do the rest.
 */
export function createCreditStore(client: CreditEventSource, options: CreditStoreOptions = {}): CreditStore {
  const staleTime = options.staleTime ?? defaultStaleTime;
  const gcTime = options.gcTime ?? defaultGcTime;
  const live = options.live ?? true;
  const entries = new Map<string, Entry>();
  // One counter for requests, set data and invalidations, so "older" means the same thing for all three.
  let sequence = 0;
  let observers = 0;
  let stopEvents: (() => void) | undefined;
  let stopEventsTimer: ReturnType<typeof setTimeout> | undefined;

  function entryOf(key: string): Entry {
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        snapshot: loadingSnapshot,
        load: undefined,
        listeners: new Set(),
        inFlight: undefined,
        shownSeq: 0,
        invalidatedSeq: 0,
        gcTimer: undefined,
      };
      entries.set(key, entry);
    }
    return entry;
  }

  /** Replaces the snapshot only when a field changes, and tells this key's listeners only. */
  function show(entry: Entry, next: QuerySnapshot<unknown>): void {
    const shown = entry.snapshot;
    if (
      shown.status === next.status &&
      shown.data === next.data &&
      shown.error === next.error &&
      shown.updatedAt === next.updatedAt &&
      shown.isFetching === next.isFetching
    ) {
      return;
    }
    entry.snapshot = next;
    for (const listener of [...entry.listeners]) listener();
  }

  function withFetching(snapshot: QuerySnapshot<unknown>, isFetching: boolean): QuerySnapshot<unknown> {
    return { ...snapshot, isFetching };
  }

  function isStale(entry: Entry): boolean {
    const { snapshot } = entry;
    if (snapshot.status === 'loading' || entry.invalidatedSeq > entry.shownSeq) return true;
    if (snapshot.status === 'error' && !isLastingError(snapshot.error)) return true;
    return Date.now() - snapshot.updatedAt >= staleTime;
  }

  function settle(key: string, entry: Entry, seq: number, settled: Settled): void {
    if (entries.get(key) !== entry) return;
    if (entry.inFlight?.seq === seq) entry.inFlight = undefined;
    const isFetching = entry.inFlight !== undefined;
    if (seq < entry.shownSeq) {
      show(entry, withFetching(entry.snapshot, isFetching));
      return;
    }
    entry.shownSeq = seq;
    const updatedAt = Date.now();
    show(
      entry,
      settled.status === 'success'
        ? { status: 'success', data: settled.data, error: undefined, updatedAt, isFetching }
        : { status: 'error', data: entry.snapshot.data, error: settled.error, updatedAt, isFetching },
    );
  }

  /** Shares the request in flight unless it was sent before the latest invalidation. */
  function fetchNow(key: string, entry: Entry): Promise<void> {
    if (entry.inFlight && entry.inFlight.seq > entry.invalidatedSeq) return entry.inFlight.done;
    const load = entry.load;
    if (!load) return Promise.resolve();
    const seq = ++sequence;
    // Called synchronously so that the SDK's same-tick batching of action costs sees every key at once.
    const done = new Promise<unknown>((resolve) => resolve(load())).then(
      (data) => settle(key, entry, seq, { status: 'success', data }),
      (error: unknown) => settle(key, entry, seq, { status: 'error', error }),
    );
    entry.inFlight = { seq, done };
    show(entry, withFetching(entry.snapshot, true));
    return done;
  }

  function collectLater(key: string, entry: Entry): void {
    clearTimeout(entry.gcTimer);
    if (!Number.isFinite(gcTime)) return;
    entry.gcTimer = setTimeout(() => {
      if (entry.listeners.size === 0 && entries.get(key) === entry) entries.delete(key);
    }, gcTime);
  }

  function followEvents(): void {
    clearTimeout(stopEventsTimer);
    if (!live || stopEvents) return;
    stopEvents = client.events.subscribe((event) => applyCreditEvent(store, event), {
      onError: (error) => options.onLiveError?.(error),
    });
  }

  /**
   * Waits a task before closing the stream: React's StrictMode and a route change unmount and mount
   * again in one go, and reconnecting for that would only cost a request and risk a missed event.
   */
  function stopFollowingEventsLater(): void {
    clearTimeout(stopEventsTimer);
    stopEventsTimer = setTimeout(() => {
      if (observers > 0 || !stopEvents) return;
      stopEvents();
      stopEvents = undefined;
    }, 0);
  }

  const store: CreditStore = {
    getSnapshot<Data>(key: string) {
      return (entries.get(key)?.snapshot ?? loadingSnapshot) as QuerySnapshot<Data>;
    },

    observe<Data>(key: string, load: QueryLoader<Data>, listener: () => void) {
      const entry = entryOf(key);
      entry.load = load;
      entry.listeners.add(listener);
      clearTimeout(entry.gcTimer);
      observers += 1;
      if (observers === 1) followEvents();
      if (isStale(entry)) void fetchNow(key, entry);
      return () => {
        if (!entry.listeners.delete(listener)) return;
        observers -= 1;
        if (entry.listeners.size === 0) collectLater(key, entry);
        if (observers === 0) stopFollowingEventsLater();
      };
    },

    refetch(key: string) {
      const entry = entries.get(key);
      return entry ? fetchNow(key, entry) : Promise.resolve();
    },

    setData<Data>(key: string, data: Data) {
      const entry = entryOf(key);
      entry.shownSeq = ++sequence;
      show(entry, { status: 'success', data, error: undefined, updatedAt: Date.now(), isFetching: !!entry.inFlight });
      if (entry.listeners.size === 0) collectLater(key, entry);
    },

    invalidate(match: KeyMatch) {
      const matches = matcher(match);
      for (const [key, entry] of entries) {
        if (!matches(key)) continue;
        entry.invalidatedSeq = ++sequence;
        if (entry.listeners.size > 0) void fetchNow(key, entry);
      }
    },
  };
  return store;
}
