import { toCredits } from '@creditkit/rules';
import type { ChargeTrigger } from '@creditkit/sdk/schemas';
import type { Queryable } from './database';

/**
 * One activity group's key: the UTC day, workbook, action, trigger, run and model of its charges; a charge
 * outside a run or without a model has `''` there, which no id can be. Pages are ordered by it.
 */
export interface ActivityKey {
  day: string;
  workbookId: string;
  actionId: string;
  trigger: string;
  runId: string;
  model: string;
}

export interface ActivityQuery {
  /** Charges made at or after this instant... */
  start: Date;
  /** ...and before this one. */
  end: Date;
  workbookId?: string | undefined;
  actionId?: string | undefined;
  trigger?: ChargeTrigger | undefined;
  /** The last group of the previous page: this page starts after it. */
  after?: ActivityKey | undefined;
  /** Groups per page. */
  limit: number;
}

/** The most refund reasons an activity row lists; its `refunds` counts them all. */
const reasonsPerRow = 3;

const dayMs = 24 * 60 * 60 * 1000;

/** The SQL of an activity group's key columns, in page order. Days are UTC dates on PGlite and PostgreSQL alike. */
const keyColumns = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, workbook_id, action_id, trigger,
         COALESCE(run_id, '') AS run_key, COALESCE(model, '') AS model_key`;

/**
 * Ids compare in code-point order ("C"), whatever the database's default collation, so PGlite and a
 * PostgreSQL cluster in any locale page alike and a cursor means the same on both.
 */
const pageOrder = `g.day COLLATE "C" DESC, g.workbook_id COLLATE "C", g.action_id COLLATE "C", g.trigger COLLATE "C",
         g.run_key COLLATE "C", g.model_key COLLATE "C"`;

interface GroupRow {
  day: string;
  workbook_id: string;
  action_id: string;
  trigger: ChargeTrigger;
  run_key: string;
  model_key: string;
  charges: number;
  deduplicated: number;
  own_key: number;
  refunds: number;
  charged: number;
  refunded: number;
  run_status: 'running' | 'completed' | null;
  run_stopped: boolean | null;
}

interface ReasonRow {
  day: string;
  workbook_id: string;
  action_id: string;
  trigger: string;
  run_key: string;
  model_key: string;
  reason: string;
  refunds: number;
  refunded: number;
}

const groupKey = (row: Omit<ReasonRow, 'reason' | 'refunds' | 'refunded'>) =>
  JSON.stringify([row.day, row.workbook_id, row.action_id, row.trigger, row.run_key, row.model_key]);

/** The conditions every query of a page shares: the workspace, the period and the caller's filters. */
function filtersOf(workspaceId: string, query: ActivityQuery, start: Date, end: Date) {
  const conditions = ['workspace_id = $1', 'created_at >= $2', 'created_at < $3'];
  const params: unknown[] = [workspaceId, start, end];
  for (const [column, value] of [
    ['workbook_id', query.workbookId],
    ['action_id', query.actionId],
    ['trigger', query.trigger],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  }
  return { conditions, params };
}

/**
 * R24: why the workspace's credits went, one row per day × workbook × action × trigger × run × model, newest day
 * first, a page at a time. Counts say what became of the charges (deduplicated R13, own key R10, refunded R15);
 * credits are charged, refunded and net, a refund counting on its charge's day as in the usage report; a run's
 * row says whether the run was stopped midway (R16). The work is bounded by the period (the route caps it) and
 * by the page: a later page reads only the days up to where the previous one ended.
 */
export async function readUsageActivity(db: Queryable, workspaceId: string, query: ActivityQuery) {
  const after = query.after;
  // A later page never reads past the day its predecessor ended on.
  const end =
    after === undefined
      ? query.end
      : new Date(Math.min(query.end.getTime(), Date.parse(`${after.day}T00:00:00.000Z`) + dayMs));
  const { conditions, params } = filtersOf(workspaceId, query, query.start, end);
  let position = '';
  if (after !== undefined) {
    const at = params.length;
    params.push(after.day, after.workbookId, after.actionId, after.trigger, after.runId, after.model);
    position = `WHERE g.day COLLATE "C" < $${at + 1}::text
       OR (g.day = $${at + 1}::text
           AND (g.workbook_id COLLATE "C", g.action_id COLLATE "C", g.trigger COLLATE "C", g.run_key COLLATE "C",
                g.model_key COLLATE "C") > ($${at + 2}::text, $${at + 3}::text, $${at + 4}::text, $${at + 5}::text,
                $${at + 6}::text))`;
  }
  params.push(query.limit + 1);
  // Counts and sums of bigint come back as strings from some drivers: cast, and Number() below.
  const rows = await db.query<GroupRow>(
    `WITH g AS (
       SELECT ${keyColumns},
              count(*)::bigint AS charges,
              (count(*) FILTER (WHERE status = 'deduplicated'))::bigint AS deduplicated,
              (count(*) FILTER (WHERE status = 'own_key'))::bigint AS own_key,
              (count(*) FILTER (WHERE status = 'refunded'))::bigint AS refunds,
              COALESCE(SUM(credits), 0)::bigint AS charged,
              COALESCE(SUM(credits) FILTER (WHERE status = 'refunded'), 0)::bigint AS refunded
         FROM charges
        WHERE ${conditions.join(' AND ')}
        GROUP BY 1, 2, 3, 4, 5, 6
     )
     SELECT g.*, r.status AS run_status, r.stopped AS run_stopped
       FROM g LEFT JOIN runs AS r ON r.workspace_id = $1 AND r.id = NULLIF(g.run_key, '')
       ${position}
      ORDER BY ${pageOrder}
      LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const reasons = await readRefundReasons(db, workspaceId, query, page);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      day: row.day,
      workbookId: row.workbook_id,
      actionId: row.action_id,
      model: row.model_key === '' ? null : row.model_key,
      trigger: row.trigger,
      run:
        row.run_key === ''
          ? null
          : { id: row.run_key, status: row.run_status ?? 'completed', stopped: row.run_stopped === true },
      charges: Number(row.charges),
      deduplicated: Number(row.deduplicated),
      ownKey: Number(row.own_key),
      refunds: Number(row.refunds),
      charged: toCredits(Number(row.charged)),
      refunded: toCredits(Number(row.refunded)),
      net: toCredits(Number(row.charged) - Number(row.refunded)),
      refundReasons: reasons.get(groupKey(row)) ?? [],
    })),
    next:
      rows.length > query.limit && last
        ? {
            day: last.day,
            workbookId: last.workbook_id,
            actionId: last.action_id,
            trigger: last.trigger,
            runId: last.run_key,
            model: last.model_key,
          }
        : undefined,
  };
}

/**
 * The refunds of a page's groups by reason, read over the page's days only: at most `reasonsPerRow` per group,
 * most refunds first, ties by reason in code-point order. A page without refunds asks nothing.
 */
async function readRefundReasons(db: Queryable, workspaceId: string, query: ActivityQuery, page: GroupRow[]) {
  const byGroup = new Map<string, { reason: string; refunds: number; refunded: number }[]>();
  const newest = page[0];
  const oldest = page.at(-1);
  if (!newest || !oldest || page.every((row) => Number(row.refunds) === 0)) return byGroup;
  const start = new Date(Math.max(query.start.getTime(), Date.parse(`${oldest.day}T00:00:00.000Z`)));
  const end = new Date(Math.min(query.end.getTime(), Date.parse(`${newest.day}T00:00:00.000Z`) + dayMs));
  const { conditions, params } = filtersOf(workspaceId, query, start, end);
  const rows = await db.query<ReasonRow>(
    `SELECT ${keyColumns}, COALESCE(refund_reason, '') AS reason,
            count(*)::bigint AS refunds, COALESCE(SUM(credits), 0)::bigint AS refunded
       FROM charges
      WHERE ${conditions.join(' AND ')} AND status = 'refunded'
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    params,
  );
  const onPage = new Set(page.map(groupKey));
  for (const row of rows) {
    const key = groupKey(row);
    if (!onPage.has(key)) continue;
    const reasons = byGroup.get(key) ?? [];
    reasons.push({ reason: row.reason, refunds: Number(row.refunds), refunded: Number(row.refunded) });
    byGroup.set(key, reasons);
  }
  for (const [key, reasons] of byGroup) {
    reasons.sort((a, b) => b.refunds - a.refunds || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    byGroup.set(
      key,
      reasons
        .slice(0, reasonsPerRow)
        .map((reason) => ({ reason: reason.reason, refunds: reason.refunds, refunded: toCredits(reason.refunded) })),
    );
  }
  return byGroup;
}
