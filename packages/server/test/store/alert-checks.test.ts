import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlert } from '../../src/store/alerts';
import { type ChargeRequest, createCharges } from '../../src/store/charges';
import type { Database } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { reconcile } from '../../src/store/reconcile';
import { createWorkspace, readWorkspace } from '../../src/store/workspaces';

// R25 inside a group commit: the charge route decides a burst of charges in one transaction (createCharges);
// the alerts are checked once, after the whole group, so a crossing in the middle of it fires exactly once.

let db: Database;
const now = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
});
afterAll(() => db.close());

const emailCharge = (recordId: string): ChargeRequest => ({
  actionId: 'find-work-email',
  workbookId: 'wb_group',
  recordId,
  field: 'email',
});

const triggered = (workspaceId: string) =>
  db.query<{ data: { alert: { id: string }; balance: unknown; spend: unknown } }>(
    "SELECT data FROM events WHERE workspace_id = $1 AND type = 'alert.triggered' ORDER BY id",
    [workspaceId],
  );

describe('R25 alerts in a group commit', () => {
  it('R25: one group of 100 charges crossing two thresholds fires each once, with the numbers after the group', async () => {
    const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
    const [balanceAlert, workbookAlert] = await db.transaction(async (tx) => [
      await insertAlert(tx, workspaceId, { scope: 'balance', unit: 'credits', threshold: 1950 }, now),
      await insertAlert(
        tx,
        workspaceId,
        { scope: 'workbook', scopeId: 'wb_group', unit: 'percent', threshold: 10 },
        now,
      ),
    ]);
    await db.query(
      "INSERT INTO spend (workspace_id, scope, scope_id, limit_enabled, credit_limit) VALUES ($1, 'workbook', 'wb_group', true, 500000)",
      [workspaceId],
    );

    const outcomes = await db.transaction(async (tx) => {
      const workspace = await readWorkspace(tx, workspaceId, true);
      if (!workspace) throw new Error(`no workspace ${workspaceId}`);
      return createCharges(
        tx,
        workspace,
        Array.from({ length: 100 }, (_, i) => emailCharge(`rec_${i}`)),
        now,
      );
    });
    expect(outcomes.every((outcome) => outcome.outcome === 'done')).toBe(true);

    // Alerts made in the same instant fire in id order: compare them in the order created here.
    const fired = (await triggered(workspaceId)).map((row) => row.data);
    fired.sort((a, b) => (a.alert.id === balanceAlert ? -1 : b.alert.id === balanceAlert ? 1 : 0));
    expect(fired).toEqual([
      expect.objectContaining({
        alert: expect.objectContaining({ id: balanceAlert }),
        balance: { spendable: 1900, allowance: 2000 },
      }),
      expect.objectContaining({
        alert: expect.objectContaining({ id: workbookAlert }),
        spend: { limit: 500, spent: 100, remaining: 400 },
      }),
    ]);
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });
});
