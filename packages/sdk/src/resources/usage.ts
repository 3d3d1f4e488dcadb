import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type UsageParams, type UsageReport, usageParams, usageReport } from '../schemas/usage';

/** Credit usage by day, workbook, action, provider or model (R18). */
export class UsageResource {
  constructor(private readonly transport: Transport) {}

  /** Charges, credits charged, refunded and net per group over a period, with the totals. */
  async retrieve(params: UsageParams, options?: RequestOptions): Promise<UsageReport> {
    const query = validateParams(usageParams, params, 'usage parameters');
    return this.transport.json({ method: 'GET', path: '/v1/usage', query, options }, usageReport);
  }

  /** The same report as CSV text, ready to download. */
  async export(params: UsageParams, options?: RequestOptions): Promise<string> {
    const query = validateParams(usageParams, params, 'usage parameters');
    return this.transport.text({ method: 'GET', path: '/v1/usage/export', query, options });
  }
}
