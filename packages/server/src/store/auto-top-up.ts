import { toCredits, topUpCapMonth, toThousandths } from '@creditkit/rules';
import type { AutoTopUpUpdateParams } from '@creditkit/sdk/schemas';
import type { Queryable } from './database';
import { toIsoTimestamp } from './timestamps';

/** A workspace's auto top-up settings (R27), amounts in thousandths. */
export interface AutoTopUpRow {
  enabled: boolean;
  threshold: number;
  credits: number;
  monthly_cap: number;
  armed: boolean;
  updated_at: Date;
}

export async function readAutoTopUp(tx: Queryable, workspaceId: string): Promise<AutoTopUpRow | undefined> {
  const [row] = await tx.query<AutoTopUpRow>(
    `SELECT enabled, threshold, credits, monthly_cap, armed, updated_at FROM auto_top_up_settings
      WHERE workspace_id = $1`,
    [workspaceId],
  );
  if (!row) return undefined;
  return {
    ...row,
    threshold: Number(row.threshold),
    credits: Number(row.credits),
    monthly_cap: Number(row.monthly_cap),
  };
}

/** Sets the whole setting and arms it again; the caller checks the balance against it in the same transaction. */
export async function writeAutoTopUp(
  tx: Queryable,
  workspaceId: string,
  params: AutoTopUpUpdateParams,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO auto_top_up_settings (workspace_id, enabled, threshold, credits, monthly_cap, armed, updated_at)
     VALUES ($1, $2, $3, $4, $5, true, $6)
     ON CONFLICT (workspace_id) DO UPDATE SET enabled = $2, threshold = $3, credits = $4, monthly_cap = $5,
       armed = true, updated_at = $6`,
    [
      workspaceId,
      params.enabled,
      toThousandths(params.threshold),
      toThousandths(params.credits),
      toThousandths(params.monthlyCap),
      now,
    ],
  );
}

/** Thousandths auto top-ups added in the cap's month holding `now` (the UTC calendar month). */
export async function toppedUpInMonth(tx: Queryable, workspaceId: string, now: Date): Promise<number> {
  const month = topUpCapMonth(now);
  const [row] = await tx.query<{ total: number }>(
    `SELECT COALESCE(SUM(credits), 0)::bigint AS total FROM auto_top_ups
      WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3`,
    [workspaceId, month.start, month.end],
  );
  return Number(row?.total ?? 0);
}

/** The month's top-ups against the cap, as the contract's `autoTopUpMonth`. */
export function autoTopUpMonthView(now: Date, toppedUp: number, monthlyCap: number | null) {
  const month = topUpCapMonth(now);
  return {
    start: month.start.toISOString(),
    end: month.end.toISOString(),
    toppedUp: toCredits(toppedUp),
    remaining: monthlyCap === null ? null : toCredits(Math.max(0, monthlyCap - toppedUp)),
  };
}

/** The setting as the API answers it (the contract's `autoTopUp`); never set, it reads as disabled and armed. */
export async function autoTopUpView(tx: Queryable, workspaceId: string, now: Date) {
  const row = await readAutoTopUp(tx, workspaceId);
  const toppedUp = await toppedUpInMonth(tx, workspaceId, now);
  return {
    enabled: row?.enabled ?? false,
    threshold: row ? toCredits(row.threshold) : null,
    credits: row ? toCredits(row.credits) : null,
    monthlyCap: row ? toCredits(row.monthly_cap) : null,
    state: row === undefined || row.armed ? 'armed' : 'triggered',
    month: autoTopUpMonthView(now, toppedUp, row?.monthly_cap ?? null),
    updatedAt: row ? toIsoTimestamp(row.updated_at) : null,
  };
}
