import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import {
  type UsageExportParams,
  type UsageParams,
  type UsageReport,
  usageExportParams,
  usageParams,
  usageReport,
} from '../schemas/usage';
import {
  type UsageActivity,
  type UsageActivityParams,
  usageActivityPage,
  usageActivityParams,
} from '../schemas/usage-activity';

/** Credit usage by day, workbook, action, provider, model or trigger (R18, R24), and why it was charged. */
export class UsageResource {
  constructor(private readonly transport: Transport) {}

  /** Charges, credits charged, refunded and net per group over a period, with the totals. */
  async retrieve(params: UsageParams, options?: RequestOptions): Promise<UsageReport> {
    const query = validateParams(usageParams, params, 'usage parameters');
    return this.transport.json({ method: 'GET', path: '/v1/usage', query, options }, usageReport);
  }

  /**
   * The same report as CSV text, ready to download: a header line (`workbook_id,trigger,charges,credits_charged,…`,
   * the first column named by `groupBy`), then a line per group and trigger; with `totals: 'last_row'`, a totals line.
   */
  async export(params: UsageExportParams, options?: RequestOptions): Promise<string> {
    const query = validateParams(usageExportParams, params, 'usage export parameters');
    return this.transport.text({ method: 'GET', path: '/v1/usage/export', query, options });
  }

  /**
   * Why credits were charged (R24): per day, workbook, action, trigger and run, the charges, what became of them
   * (deduplicated, own key, refunded and why) and what they cost, newest day first; `for await` walks every
   * page. A period is at most 92 days.
   */
  activity(params: UsageActivityParams = {}, options?: RequestOptions): PagePromise<UsageActivity> {
    return paginate(async (next) => {
      const { cursor, ...query } = validateParams(usageActivityParams, params, 'usage activity parameters');
      return this.transport.json(
        { method: 'GET', path: '/v1/usage/activity', query: { ...query, cursor: next ?? cursor }, options },
        usageActivityPage,
      );
    });
  }
}
