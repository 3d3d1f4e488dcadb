import { toCredits } from '@creditkit/rules';
import type { UsageParams } from '@creditkit/sdk/schemas';
import type { Queryable } from './database';

export type UsageGroup = UsageParams['groupBy'];

export interface UsageQuery {
  groupBy: UsageGroup;
  /** Charges made at or after this instant... */
  start: Date;
  /** ...and before this one. */
  end: Date;
  workbookId?: string | undefined;
}

/**
 * The SQL of each group key, chosen from this fixed table and never built from the request.
 * Days are UTC dates whatever the session time zone, so PGlite and PostgreSQL agree.
 */
const groupKeys: Record<UsageGroup, string> = {
  day: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  workbook: 'workbook_id',
  action: 'action_id',
  provider: 'provider',
  model: 'model',
};

interface UsageSums {
  charges: number;
  charged: number;
  refunded: number;
}

interface UsageRowSums extends UsageSums {
  key: string;
}

function usageView(sums: UsageSums) {
  return {
    charges: sums.charges,
    charged: toCredits(sums.charged),
    refunded: toCredits(sums.refunded),
    net: toCredits(sums.charged - sums.refunded),
  };
}

/** Day keys read as a timeline; every other grouping answers "where did the credits go", biggest first. */
function byReportOrder(groupBy: UsageGroup) {
  return (a: UsageRowSums, b: UsageRowSums) => {
    const byKey = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    if (groupBy === 'day') return byKey;
    return b.charged - b.refunded - (a.charged - a.refunded) || byKey;
  };
}

/**
 * R18: the workspace's charges made in [start, end), summed per group key.
 * - `charges` counts every recorded charge, own-key and deduplicated ones at 0 credits included (R10, R13),
 *   so the count says how much work was done, not only what was paid for;
 * - `charged` is what those charges cost when made, refunded ones included; `refunded` is what refunds gave
 *   back. A refund counts where its charge counts (same day, same period), so `net` never goes negative
 *   and a period's net is what its work finally cost, even when the refund came later.
 * - grouped by model, only AI charges (those with a model) count, the totals included.
 * Totals are the sum of the rows, so the two always agree.
 */
export async function readUsage(db: Queryable, workspaceId: string, query: UsageQuery) {
  const conditions = ['workspace_id = $1', 'created_at >= $2', 'created_at < $3'];
  const params: unknown[] = [workspaceId, query.start, query.end];
  if (query.workbookId !== undefined) {
    params.push(query.workbookId);
    conditions.push(`workbook_id = $${params.length}`);
  }
  if (query.groupBy === 'model') conditions.push('model IS NOT NULL');
  // Sums of bigint are numeric, which drivers hand back as strings: cast back, and Number() for safety.
  const rows = await db.query<{ key: string; charges: number; charged: number; refunded: number }>(
    `SELECT ${groupKeys[query.groupBy]} AS key,
            count(*)::bigint AS charges,
            COALESCE(SUM(credits), 0)::bigint AS charged,
            COALESCE(SUM(credits) FILTER (WHERE status = 'refunded'), 0)::bigint AS refunded
       FROM charges
      WHERE ${conditions.join(' AND ')}
      GROUP BY 1`,
    params,
  );
  const sums: UsageRowSums[] = rows.map((row) => ({
    key: row.key,
    charges: Number(row.charges),
    charged: Number(row.charged),
    refunded: Number(row.refunded),
  }));
  sums.sort(byReportOrder(query.groupBy));
  const totals = sums.reduce<UsageSums>(
    (sum, row) => ({
      charges: sum.charges + row.charges,
      charged: sum.charged + row.charged,
      refunded: sum.refunded + row.refunded,
    }),
    { charges: 0, charged: 0, refunded: 0 },
  );
  return {
    data: sums.map((row) => ({ key: row.key, ...usageView(row) })),
    totals: usageView(totals),
  };
}
