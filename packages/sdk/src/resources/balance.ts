import type { RequestOptions, Transport } from '../internal/http';
import { type Balance, balance } from '../schemas/balance';

/** The workspace's credit balance (R1, R3, R7). */
export class BalanceResource {
  constructor(private readonly transport: Transport) {}

  /** Spendable and pending credits, the allowance and rollover cap, and whether a renewal is processing. */
  retrieve(options?: RequestOptions): Promise<Balance> {
    return this.transport.json({ method: 'GET', path: '/v1/balance', options }, balance);
  }
}
