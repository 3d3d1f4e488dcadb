import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type LedgerEntry, type LedgerListParams, ledgerListParams, ledgerPage } from '../schemas/ledger';

/** The append-only ledger every balance is computed from. */
export class LedgerResource {
  constructor(private readonly transport: Transport) {}

  /** Entries, newest first; `for await` walks every page. */
  list(params: LedgerListParams = {}, options?: RequestOptions): PagePromise<LedgerEntry> {
    return paginate(async (next) => {
      const { cursor, ...query } = validateParams(ledgerListParams, params, 'ledger list parameters');
      return this.transport.json(
        { method: 'GET', path: '/v1/ledger', query: { ...query, cursor: next ?? cursor }, options },
        ledgerPage,
      );
    });
  }
}
