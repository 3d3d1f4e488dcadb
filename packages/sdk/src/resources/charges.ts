import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import {
  type Charge,
  type ChargeCreateParams,
  type ChargeRefundParams,
  charge,
  chargeCreateParams,
  chargeRefundParams,
} from '../schemas/charges';
import { resourceId } from '../schemas/primitives';

/** Charges of an action on a record's field (R2, R9–R16, R19). */
export class ChargesResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Charges once, whatever the retries: the call's idempotency key (yours, or one generated here)
   * goes with every attempt (R19). A refusal throws `InsufficientCreditsError` or
   * `SpendLimitReachedError` and charges nothing.
   */
  async create(params: ChargeCreateParams, options?: RequestOptions): Promise<Charge> {
    const body = validateParams(chargeCreateParams, params, 'charge');
    return this.transport.json({ method: 'POST', path: '/v1/charges', body, options }, charge);
  }

  /** One charge with its status and ledger rows; `NotFoundError` when the workspace has no such charge (R21). */
  async retrieve(chargeId: string, options?: RequestOptions): Promise<Charge> {
    const id = encodeURIComponent(validateParams(resourceId, chargeId, 'charge id'));
    return this.transport.json({ method: 'GET', path: `/v1/charges/${id}`, options }, charge);
  }

  /**
   * Refunds a charge whose provider delivered no valid data (R15). Refunding twice changes nothing. A refund
   * is the host server's decision: the secret key or an admin session may refund; a member session gets
   * `PermissionDeniedError` (403), since a member could otherwise undo a spend limit by charge → refund.
   */
  async refund(chargeId: string, params: ChargeRefundParams, options?: RequestOptions): Promise<Charge> {
    const id = encodeURIComponent(validateParams(resourceId, chargeId, 'charge id'));
    const body = validateParams(chargeRefundParams, params, 'refund');
    return this.transport.json({ method: 'POST', path: `/v1/charges/${id}/refund`, body, options }, charge);
  }
}
