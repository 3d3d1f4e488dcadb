import { type CreditEventSource, type CreditStoreOptions, createCreditStore, creditQueryKeys } from '@creditkit/react';
import { type Balance, ConnectionError, type CreditEvent, NotFoundError } from '@creditkit/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The store is plain logic over loaders and an event source; these tests drive both by hand.

/** A promise the test settles when it chooses, to put answers in any order. */
function deferred<Value>() {
  let resolve!: (value: Value) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Value>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A loader whose calls are answered one by one by the test. */
function scriptedLoader<Value>() {
  const calls: ReturnType<typeof deferred<Value>>[] = [];
  const load = vi.fn(() => {
    const call = deferred<Value>();
    calls.push(call);
    return call.promise;
  });
  return { load, calls };
}

/** An event source standing in for `client.events`: the test emits, and sees how many streams are open. */
function eventSource() {
  const handlers = new Set<(event: CreditEvent) => void>();
  let opened = 0;
  const source: CreditEventSource = {
    events: {
      subscribe(handler) {
        opened += 1;
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    },
  };
  return {
    source,
    emit: (event: CreditEvent) => {
      for (const handler of handlers) handler(event);
    },
    get open() {
      return handlers.size;
    },
    get opened() {
      return opened;
    },
  };
}

function storeWith(options: CreditStoreOptions = {}) {
  const events = eventSource();
  return { store: createCreditStore(events.source, options), events };
}

/** Lets settled promises run their callbacks. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function balanceOf(spendable: number): Balance {
  return {
    spendable,
    pending: 0,
    allowance: 2000,
    rolloverCap: 4000,
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2026-02-01T00:00:00.000Z',
    renewal: { status: 'none', expectedBy: null },
    bySource: { plan: spendable, rollover: 0, purchased: 0, granted: 0 },
  };
}

/** An event as `client.events.subscribe` delivers it; the pairing of type and data is the caller's care. */
function event(type: CreditEvent['type'], data: CreditEvent['data']): CreditEvent {
  return { id: '1', type, createdAt: '2026-01-01T00:00:00.000Z', data } as CreditEvent;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createCreditStore', () => {
  it('shows the loading state, then the answer, as immutable snapshots', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<number>();
    expect(store.getSnapshot('n')).toMatchObject({ status: 'loading', isFetching: false });
    store.observe('n', load, () => {});
    const fetching = store.getSnapshot('n');
    expect(fetching).toMatchObject({ status: 'loading', isFetching: true });
    calls[0]?.resolve(7);
    await flush();
    const answered = store.getSnapshot<number>('n');
    expect(answered).toMatchObject({ status: 'success', data: 7, isFetching: false });
    expect(Object.isFrozen(store.getSnapshot('unknown'))).toBe(true);
    expect(store.getSnapshot('n')).toBe(answered);
  });

  it('sends one request per key however many observe it, and a refetch shares it', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<number>();
    store.observe('n', load, () => {});
    store.observe('n', load, () => {});
    const refetched = store.refetch('n');
    expect(load).toHaveBeenCalledTimes(1);
    calls[0]?.resolve(1);
    await refetched;
    expect(store.getSnapshot('n')).toMatchObject({ status: 'success', data: 1 });
  });

  it('reuses a fresh answer without asking again', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<number>();
    const stop = store.observe('n', load, () => {});
    calls[0]?.resolve(1);
    await flush();
    stop();
    store.observe('n', load, () => {});
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps showing stale data while it revalidates, then shows the new answer', async () => {
    const { store } = storeWith({ staleTime: 0 });
    const { load, calls } = scriptedLoader<string>();
    store.observe('k', load, () => {});
    calls[0]?.resolve('old');
    await flush();
    store.observe('k', load, () => {});
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot('k')).toMatchObject({ status: 'success', data: 'old', isFetching: true });
    calls[1]?.resolve('new');
    await flush();
    expect(store.getSnapshot('k')).toMatchObject({ status: 'success', data: 'new', isFetching: false });
  });

  it('never lets an older response overwrite a newer one', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<string>();
    store.observe('k', load, () => {});
    store.invalidate('k'); // the first request may predate a change: a second one goes out
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]?.resolve('newer');
    await flush();
    calls[0]?.resolve('older');
    await flush();
    expect(store.getSnapshot('k')).toMatchObject({ status: 'success', data: 'newer', isFetching: false });
  });

  it('never lets a response to an earlier request overwrite data set later, e.g. by a live event', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<Balance>();
    store.observe(creditQueryKeys.balance, load, () => {});
    store.setData(creditQueryKeys.balance, balanceOf(1999));
    calls[0]?.resolve(balanceOf(2000));
    await flush();
    expect(store.getSnapshot<Balance>(creditQueryKeys.balance).data?.spendable).toBe(1999);
    expect(store.getSnapshot(creditQueryKeys.balance).isFetching).toBe(false);
  });

  it('tells the readers of one key only, and keeps the other keys’ snapshots as they were', async () => {
    const { store } = storeWith();
    const a = scriptedLoader<number>();
    const b = scriptedLoader<number>();
    const readerOfA = vi.fn();
    const readerOfB = vi.fn();
    store.observe('a', a.load, readerOfA);
    store.observe('b', b.load, readerOfB);
    a.calls[0]?.resolve(1);
    await flush();
    const snapshotOfA = store.getSnapshot('a');
    readerOfA.mockClear();
    readerOfB.mockClear();
    b.calls[0]?.resolve(2);
    store.setData('b', 3);
    await flush();
    expect(readerOfB).toHaveBeenCalled();
    expect(readerOfA).not.toHaveBeenCalled();
    expect(store.getSnapshot('a')).toBe(snapshotOfA);
  });

  it('invalidates a key and the keys under it: observed ones at once, the others on their next observer', async () => {
    const { store } = storeWith();
    const keys = ['spend-limit:workbook:wb_1', 'spend-limit:workbook:wb_10', 'spend-limitless', 'balance'];
    const loaders = Object.fromEntries(keys.map((key) => [key, scriptedLoader<number>()]));
    const stops = keys.map((key) => store.observe(key, loaders[key]?.load ?? vi.fn(), () => {}));
    for (const key of keys) loaders[key]?.calls[0]?.resolve(1);
    await flush();

    store.invalidate('spend-limit:workbook:wb_1');
    expect(keys.map((key) => loaders[key]?.load.mock.calls.length)).toEqual([2, 1, 1, 1]);
    store.invalidate(creditQueryKeys.spendLimits);
    expect(keys.map((key) => loaders[key]?.load.mock.calls.length)).toEqual([3, 2, 1, 1]);

    stops[3]?.();
    store.invalidate((key) => key === 'balance');
    expect(loaders.balance?.load).toHaveBeenCalledTimes(1);
    store.observe('balance', loaders.balance?.load ?? vi.fn(), () => {});
    expect(loaders.balance?.load).toHaveBeenCalledTimes(2);
  });

  it('keeps the last data next to a failed revalidation, and retries a passing failure on the next observer', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<number>();
    store.observe('n', load, () => {});
    calls[0]?.resolve(5);
    await flush();
    const failure = new ConnectionError('offline', { code: 'connection_failed' });
    const retried = store.refetch('n');
    calls[1]?.reject(failure);
    await retried;
    expect(store.getSnapshot('n')).toMatchObject({ status: 'error', data: 5, error: failure });
    store.observe('n', load, () => {});
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps a lasting failure (an unknown action) like an answer, so remounts do not ask again', async () => {
    const { store } = storeWith();
    const { load, calls } = scriptedLoader<number>();
    const stop = store.observe('action-cost:nope', load, () => {});
    calls[0]?.reject(new NotFoundError('No action "nope".', { code: 'not_found', status: 404 }));
    await flush();
    expect(store.getSnapshot('action-cost:nope')).toMatchObject({ status: 'error', data: undefined });
    stop();
    store.observe('action-cost:nope', load, () => {});
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets an entry nobody observes after gcTime, and keeps it while observed', async () => {
    vi.useFakeTimers();
    const { store } = storeWith({ gcTime: 1000 });
    const { load, calls } = scriptedLoader<number>();
    const stopFirst = store.observe('n', load, () => {});
    store.observe(
      'kept',
      vi.fn(() => Promise.resolve(1)),
      () => {},
    );
    calls[0]?.resolve(1);
    await vi.advanceTimersByTimeAsync(0);
    stopFirst();
    await vi.advanceTimersByTimeAsync(999);
    expect(store.getSnapshot('n').status).toBe('success');
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getSnapshot('n').status).toBe('loading');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.getSnapshot('kept').status).toBe('success');
  });
});

describe('live updates', () => {
  it('opens one event stream while anything is observed and closes it after the last observer leaves', async () => {
    const { store, events } = storeWith();
    const stopA = store.observe(
      'a',
      () => Promise.resolve(1),
      () => {},
    );
    const stopB = store.observe(
      'b',
      () => Promise.resolve(2),
      () => {},
    );
    expect([events.opened, events.open]).toEqual([1, 1]);
    stopA();
    stopB();
    // StrictMode unmounts and mounts again in one go: the stream survives that.
    const stopAgain = store.observe(
      'a',
      () => Promise.resolve(1),
      () => {},
    );
    await flush();
    expect([events.opened, events.open]).toEqual([1, 1]);
    stopAgain();
    await flush();
    expect(events.open).toBe(0);
  });

  it('does not open a stream when live updates are off', () => {
    const { store, events } = storeWith({ live: false });
    store.observe(
      'a',
      () => Promise.resolve(1),
      () => {},
    );
    expect(events.opened).toBe(0);
  });

  it('shows the balance a balance.updated event carries, ahead of a request still in flight', async () => {
    const { store, events } = storeWith();
    const { load, calls } = scriptedLoader<Balance>();
    store.observe(creditQueryKeys.balance, load, () => {});
    events.emit(event('balance.updated', balanceOf(1990)));
    expect(store.getSnapshot<Balance>(creditQueryKeys.balance)).toMatchObject({
      status: 'success',
      data: { spendable: 1990 },
    });
    calls[0]?.resolve(balanceOf(2000));
    await flush();
    expect(store.getSnapshot<Balance>(creditQueryKeys.balance).data?.spendable).toBe(1990);
  });

  it('refetches the limit a limit event names, and the balance, usage and limits a refund touches', async () => {
    const { store, events } = storeWith();
    const keys = [
      creditQueryKeys.spendLimit({ workbookId: 'wb_1' }),
      creditQueryKeys.spendLimit({ workbookId: 'wb_2' }),
      creditQueryKeys.spendLimit({ enrichmentId: 'en_1' }),
      creditQueryKeys.balance,
      creditQueryKeys.usage({ groupBy: 'day' }),
      creditQueryKeys.plan,
    ];
    const loads = keys.map((key) => {
      const load = vi.fn(() => Promise.resolve(key));
      store.observe(key, load, () => {});
      return load;
    });
    await flush();
    const callsSince = () => loads.map((load) => load.mock.calls.length - 1);

    events.emit(event('limit.reached', { scope: 'workbook', id: 'wb_1', limit: 2, spent: 2, remaining: 0 }));
    expect(callsSince()).toEqual([1, 0, 0, 0, 0, 0]);
    events.emit(event('limit.cleared', { scope: 'enrichment', id: 'en_1', limit: 9, spent: 2, remaining: 7 }));
    expect(callsSince()).toEqual([1, 0, 1, 0, 0, 0]);
    await flush();

    events.emit(
      event('charge.refunded', {
        id: 'ch_1',
        actionId: 'find-work-email',
        workbookId: 'wb_2',
        recordId: 'rec_1',
        field: 'email',
        enrichmentId: null,
        audienceId: null,
        runId: null,
        trigger: 'run',
        credits: 1,
        status: 'refunded',
        refundReason: 'no data',
        ledgerEntries: [],
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(callsSince()).toEqual([1, 1, 1, 1, 1, 0]);
    await flush();

    events.emit(event('renewal.completed', balanceOf(4000)));
    expect(callsSince()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(store.getSnapshot<Balance>(creditQueryKeys.balance).data?.spendable).toBe(4000);
  });

  it('R23: refetches every run quote on each event, and with the action costs an own key changes (R10)', async () => {
    const { store, events } = storeWith();
    const quote = creditQueryKeys.quote({ actionId: 'find-work-email', workbookId: 'wb_1', field: 'email', rows: 3 });
    const loadQuote = vi.fn(() => Promise.resolve('quote'));
    const loadCost = vi.fn(() => Promise.resolve('cost'));
    store.observe(quote, loadQuote, () => {});
    store.observe(creditQueryKeys.actionCost('find-mobile-phone'), loadCost, () => {});
    await flush();

    events.emit(event('balance.updated', balanceOf(1990)));
    events.emit(event('limit.reached', { scope: 'workbook', id: 'wb_1', limit: 2, spent: 2, remaining: 0 }));
    events.emit(event('renewal.completed', balanceOf(4000)));
    expect(loadQuote).toHaveBeenCalledTimes(4);
    expect(loadCost).toHaveBeenCalledTimes(1);
    await flush();

    store.invalidate(creditQueryKeys.actionCosts);
    expect(loadQuote).toHaveBeenCalledTimes(5);
    expect(loadCost).toHaveBeenCalledTimes(2);
  });
});
