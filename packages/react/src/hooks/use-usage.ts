import type { UsageParams, UsageReport } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The usage report as a query, plus its CSV export for a download button. */
export type UsageResult = QueryResult<UsageReport> & {
  /** The same report as CSV text (`GET /v1/usage/export`), for a download link. Rejects with the SDK's error. */
  exportCsv: () => Promise<string>;
};

/**
 * Credit usage over a period grouped by day, workbook, action, provider or model (R18): charged,
 * refunded and net, with totals. Refreshed when a charge is refunded.
 */
export function useUsage(params: UsageParams): UsageResult {
  const { client } = useCreditContext();
  const report = useQuery(creditQueryKeys.usage(params), () => client.usage.retrieve(params));
  return { ...report, exportCsv: () => client.usage.export(params) };
}
