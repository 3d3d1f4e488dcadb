import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Purchase, type PurchaseCreateParams, purchase, purchaseCreateParams } from '../schemas/purchases';

/** One-time credit purchases (R17). */
export class PurchasesResource {
  constructor(private readonly transport: Transport) {}

  /** Buys credits that never expire. Admins only. */
  async create(params: PurchaseCreateParams, options?: RequestOptions): Promise<Purchase> {
    const body = validateParams(purchaseCreateParams, params, 'purchase');
    return this.transport.json({ method: 'POST', path: '/v1/purchases', body, options }, purchase);
  }
}
