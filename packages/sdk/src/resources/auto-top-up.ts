import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type AutoTopUp, type AutoTopUpUpdateParams, autoTopUp, autoTopUpUpdateParams } from '../schemas/auto-top-up';

/** The workspace's auto top-up (R27): credits added at once when the balance falls below a threshold. */
export class AutoTopUpResource {
  constructor(private readonly transport: Transport) {}

  /** The settings, their state and this month's top-ups; never set, it reads as disabled with null amounts. */
  async retrieve(options?: RequestOptions): Promise<AutoTopUp> {
    return this.transport.json({ method: 'GET', path: '/v1/auto-top-up', options }, autoTopUp);
  }

  /**
   * Sets the whole auto top-up (on or off, threshold, amount, monthly cap) and arms it: a balance already below the
   * threshold is topped up by this request. Admins only (R20).
   */
  async update(params: AutoTopUpUpdateParams, options?: RequestOptions): Promise<AutoTopUp> {
    const body = validateParams(autoTopUpUpdateParams, params, 'auto top-up');
    return this.transport.json({ method: 'PUT', path: '/v1/auto-top-up', body, options }, autoTopUp);
  }
}
