import { toCredits } from '@creditkit/rules';
import { type ChargeTrigger, chargeTriggers, type UsageParams } from '@creditkit/sdk/schemas';
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
  trigger: 'trigger',
};

interface UsageSums {
  charges: number;
  charged: number;
  refunded: number;
}

interface UsageRowSums extends UsageSums {
  key: string;
}

/** A group's sums for one trigger: the lines of the CSV export. */
interface UsageTriggerSums extends UsageSums {
  trigger: ChargeTrigger;
}

const noUsage: UsageSums = { charges: 0, charged: 0, refunded: 0 };

const addSums = (sum: UsageSums, row: UsageSums): UsageSums => ({
  charges: sum.charges + row.charges,
  charged: sum.charged + row.charged,
  refunded: sum.refunded + row.refunded,
});

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

/** A group's trigger lines in the order a charge's life reads: the first run, a re-run, then refreshes. */
const byTriggerOrder = (a: UsageTriggerSums, b: UsageTriggerSums) =>
  chargeTriggers.indexOf(a.trigger) - chargeTriggers.indexOf(b.trigger);

/**
 * R18: the workspace's charges made in [start, end), summed per group key.
 * - `charges` counts every recorded charge, own-key and deduplicated ones at 0 credits included (R10, R13),
 *   so the count says how much work was done, not only what was paid for;
 * - `charged` is what those charges cost when made, refunded ones included; `refunded` is what refunds gave
 *   back. A refund counts where its charge counts (same day, same period), so `net` never goes negative
 *   and a period's net is what its work finally cost, even when the refund came later.
 * - grouped by model, only AI charges (those with a model) count, the totals included.
 * Totals are the sum of the rows, so the two always agree. Each row also carries its sums per trigger
 * (R24), read in the same statement, which the CSV export writes as one line per group and trigger.
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
  const rows = await db.query<{
    key: string;
    trigger: ChargeTrigger;
    charges: number;
    charged: number;
    refunded: number;
  }>(
    `SELECT ${groupKeys[query.groupBy]} AS key,
            trigger,
            count(*)::bigint AS charges,
            COALESCE(SUM(credits), 0)::bigint AS charged,
            COALESCE(SUM(credits) FILTER (WHERE status = 'refunded'), 0)::bigint AS refunded
       FROM charges
      WHERE ${conditions.join(' AND ')}
      GROUP BY 1, 2`,
    params,
  );
  const groups = new Map<string, { sums: UsageRowSums; byTrigger: UsageTriggerSums[] }>();
  for (const row of rows) {
    const line: UsageTriggerSums = {
      trigger: row.trigger,
      charges: Number(row.charges),
      charged: Number(row.charged),
      refunded: Number(row.refunded),
    };
    const group = groups.get(row.key) ?? { sums: { key: row.key, ...noUsage }, byTrigger: [] };
    group.sums = { key: row.key, ...addSums(group.sums, line) };
    group.byTrigger.push(line);
    groups.set(row.key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => byReportOrder(query.groupBy)(a.sums, b.sums));
  const totals = sorted.reduce<UsageSums>((sum, group) => addSums(sum, group.sums), noUsage);
  return {
    data: sorted.map((group) => ({ key: group.sums.key, ...usageView(group.sums) })),
    byTrigger: sorted.map((group) => ({
      key: group.sums.key,
      lines: group.byTrigger.sort(byTriggerOrder).map((line) => ({ trigger: line.trigger, ...usageView(line) })),
    })),
    totals: usageView(totals),
  };
}
