import type { CreditEvent, LimitDetails } from '@creditkit/sdk';
import type { CreditStore } from './credit-store';
import { creditQueryKeys } from './query-keys';

/**
 * Keeps the latest `limit.reached` for the widgets that say a limit blocked charges: a later reach
 * replaces it, and clearing that same limit (it was raised or turned off) forgets it.
 */
function recordLimitReached(store: CreditStore, event: Extract<CreditEvent, { data: LimitDetails }>): void {
  const key = creditQueryKeys.limitReached;
  const latest = store.getSnapshot<LimitDetails | null>(key).data;
  if (event.type === 'limit.reached') store.setData(key, event.data);
  else if (latest && latest.scope === event.data.scope && latest.id === event.data.id) store.setData(key, null);
}

/**
 * What one event from `GET /v1/events` changes in the cache. An event that carries the new state
 * (the balance) is shown at once, ahead of any request still in flight; an event that only says
 * something changed marks what it touched stale, and what is on screen is fetched again.
 */
export function applyCreditEvent(store: CreditStore, event: CreditEvent): void {
  // Every event here moves something a quote reads (R23): the balance, a limit's spend, a paid record (R13).
  store.invalidate(creditQueryKeys.quotes);
  // And every one may move an alert across its threshold or back (R25): the list says which are triggered.
  store.invalidate(creditQueryKeys.alerts);
  // Likewise the auto top-up's state and this month's top-ups (R27).
  store.invalidate(creditQueryKeys.autoTopUp);
  switch (event.type) {
    case 'alert.triggered':
      store.setData(creditQueryKeys.alertTriggered, event.data);
      return;
    case 'balance.updated':
      store.setData(creditQueryKeys.balance, event.data);
      return;
    case 'renewal.completed':
      // The event carries the balance after the renewal; the plan may have changed with it (R6).
      store.setData(creditQueryKeys.balance, event.data);
      store.invalidate(creditQueryKeys.plan);
      return;
    case 'limit.reached':
    case 'limit.cleared': {
      const { scope, id } = event.data;
      if (id !== null && scope === 'workbook') store.invalidate(creditQueryKeys.spendLimit({ workbookId: id }));
      else if (id !== null && scope === 'enrichment')
        store.invalidate(creditQueryKeys.spendLimit({ enrichmentId: id }));
      else store.invalidate(creditQueryKeys.spendLimits);
      recordLimitReached(store, event);
      return;
    }
    case 'charge.refunded': {
      // A refund gives credits back and lowers the spend of its workbook and enrichment (R15).
      const { workbookId, enrichmentId } = event.data;
      store.invalidate(creditQueryKeys.balance);
      store.invalidate(creditQueryKeys.usages);
      store.invalidate(creditQueryKeys.spendLimit({ workbookId }));
      if (enrichmentId !== null) store.invalidate(creditQueryKeys.spendLimit({ enrichmentId }));
      return;
    }
  }
}
