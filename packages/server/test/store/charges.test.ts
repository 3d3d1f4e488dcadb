import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCharge, refundCharge } from '../../src/store/charges';
import type { Database } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { readBalance, readCharge } from '../../src/store/read-models';
import { reconcile } from '../../src/store/reconcile';
import { createWorkspace } from '../../src/store/workspaces';

let db: Database;
const now = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  db = await openPglite(undefined);
  expect(await migrate(db)).toEqual([1]);
}, 30_000);
afterAll(() => db.close());

const charge = (workspaceId: string, recordId: string, extra: Record<string, string> = {}) =>
  db.transaction((tx) =>
    createCharge(
      tx,
      workspaceId,
      { actionId: 'find-work-email', workbookId: 'wb_1', recordId, field: 'email', ...extra },
      now,
    ),
  );

describe('the ledger on PGlite', () => {
  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('charges, deduplicates, refunds and reconciles (R1, R13, R15)', async () => {
    const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(2000);

    const first = await charge(workspaceId, 'rec_1');
    const again = await charge(workspaceId, 'rec_1', { audienceId: 'aud_2' });
    expect(first.outcome).toBe('done');
    expect(again.outcome).toBe('done');
    if (first.outcome !== 'done' || again.outcome !== 'done') return;
    expect(await readCharge(db, workspaceId, first.chargeId)).toMatchObject({ status: 'charged', credits: 1 });
    expect(await readCharge(db, workspaceId, again.chargeId)).toMatchObject({ status: 'deduplicated', credits: 0 });
    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(1999);

    expect(await db.transaction((tx) => refundCharge(tx, workspaceId, first.chargeId, 'no data', now))).toBe(
      'refunded',
    );
    expect(await db.transaction((tx) => refundCharge(tx, workspaceId, first.chargeId, 'no data', now))).toBe(
      'already_refunded',
    );
    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(2000);
    const reAsk = await charge(workspaceId, 'rec_1');
    if (reAsk.outcome !== 'done') throw new Error('the released dedup key should let the record be charged again');
    expect(await readCharge(db, workspaceId, reAsk.chargeId)).toMatchObject({ status: 'charged', credits: 1 });
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });

  it('refuses past a workbook limit and writes nothing (R11)', async () => {
    const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
    await db.query(
      "INSERT INTO spend (workspace_id, scope, scope_id, limit_enabled, credit_limit) VALUES ($1, 'workbook', 'wb_1', true, 2000)",
      [workspaceId],
    );
    expect((await charge(workspaceId, 'rec_a')).outcome).toBe('done');
    expect((await charge(workspaceId, 'rec_b')).outcome).toBe('done');
    const refused = await charge(workspaceId, 'rec_c');
    expect(refused).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'workbook_limit_reached', limit: 2000, spent: 2000, remaining: 0 },
    });
    const [{ count }] = (await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM charges WHERE workspace_id = $1',
      [workspaceId],
    )) as [{ count: number }];
    expect(count).toBe(2);
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });
});
