import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Alert, type AlertParams, alert, alertPage, alertParams } from '../schemas/alerts';
import { resourceId } from '../schemas/primitives';

/** Threshold alerts on the balance, spend limits and run budgets (R25); each fires `alert.triggered` once per crossing. */
export class AlertsResource {
  constructor(private readonly transport: Transport) {}

  /** The workspace's alerts, oldest first, each `armed` or `triggered`. Members may read them. */
  list(options?: RequestOptions): PagePromise<Alert> {
    return paginate((cursor) =>
      this.transport.json({ method: 'GET', path: '/v1/alerts', query: { cursor }, options }, alertPage),
    );
  }

  /** Creates an alert, armed and checked at once: it fires now if its value is already past. Admins only. */
  async create(params: AlertParams, options?: RequestOptions): Promise<Alert> {
    const body = validateParams(alertParams, params, 'alert');
    return this.transport.json({ method: 'POST', path: '/v1/alerts', body, options }, alert);
  }

  /** Sets an alert's scope, unit and threshold; it is armed again and checked at once. Admins only. */
  async update(alertId: string, params: AlertParams, options?: RequestOptions): Promise<Alert> {
    const path = `/v1/alerts/${encodeURIComponent(validateParams(resourceId, alertId, 'alertId'))}`;
    const body = validateParams(alertParams, params, 'alert');
    return this.transport.json({ method: 'PUT', path, body, options }, alert);
  }

  /** Deletes an alert; resolves to the alert as it was. Admins only. */
  async delete(alertId: string, options?: RequestOptions): Promise<Alert> {
    const path = `/v1/alerts/${encodeURIComponent(validateParams(resourceId, alertId, 'alertId'))}`;
    return this.transport.json({ method: 'DELETE', path, options }, alert);
  }
}
