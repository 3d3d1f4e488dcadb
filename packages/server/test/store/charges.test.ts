import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChargeRequest, createCharges, refundCharge } from '../../src/store/charges';
import type { Database } from '../../src/store/database';
import { migrate, schemaVersions } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { readBalance, readCharge } from '../../src/store/read-models';
import { reconcile } from '../../src/store/reconcile';
import { createWorkspace, readWorkspace } from '../../src/store/workspaces';

let db: Database;
const now = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  db = await openPglite(undefined);
  expect(await migrate(db)).toEqual(schemaVersions);
});
afterAll(() => db.close());

const emailCharge = (recordId: string, extra: Record<string, string> = {}): ChargeRequest => ({
  actionId: 'find-work-email',
  workbookId: 'wb_1',
  recordId,
  field: 'email',
  ...extra,
});

/** Charges as the charge route does: in one transaction, holding the workspace row lock. */
const chargeAll = (workspaceId: string, requests: ChargeRequest[]) =>
  db.transaction(async (tx) => {
    const workspace = await readWorkspace(tx, workspaceId, true);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    return createCharges(tx, workspace, requests, now);
  });

const charge = async (workspaceId: string, recordId: string, extra: Record<string, string> = {}) => {
  const [outcome] = await chargeAll(workspaceId, [emailCharge(recordId, extra)]);
  if (!outcome) throw new Error('one charge asked, none answered');
  return outcome;
};

const count = async (sql: string, workspaceId: string) =>
  ((await db.query<{ count: number }>(sql, [workspaceId]))[0] as { count: number }).count;

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
    expect(await readCharge(db, workspaceId, first.charge.id)).toMatchObject({ status: 'charged', credits: 1 });
    expect(await readCharge(db, workspaceId, again.charge.id)).toMatchObject({ status: 'deduplicated', credits: 0 });
    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(1999);

    expect(await db.transaction((tx) => refundCharge(tx, workspaceId, first.charge.id, 'no data', now))).toBe(
      'refunded',
    );
    expect(await db.transaction((tx) => refundCharge(tx, workspaceId, first.charge.id, 'no data', now))).toBe(
      'already_refunded',
    );
    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(2000);
    const reAsk = await charge(workspaceId, 'rec_1');
    if (reAsk.outcome !== 'done') throw new Error('the released dedup key should let the record be charged again');
    expect(await readCharge(db, workspaceId, reAsk.charge.id)).toMatchObject({ status: 'charged', credits: 1 });
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
    expect(await count('SELECT count(*)::int AS count FROM charges WHERE workspace_id = $1', workspaceId)).toBe(2);
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });

  it('decides a group of charges in order, as if each had its own transaction (R11, R13)', async () => {
    const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
    await db.query(
      "INSERT INTO spend (workspace_id, scope, scope_id, limit_enabled, credit_limit) VALUES ($1, 'workbook', 'wb_1', true, 3000)",
      [workspaceId],
    );
    const outcomes = await chargeAll(workspaceId, [
      emailCharge('rec_1'),
      emailCharge('rec_1'),
      emailCharge('rec_2'),
      { ...emailCharge('rec_x'), actionId: 'no-such-action' },
      emailCharge('rec_3'),
      emailCharge('rec_4'),
      emailCharge('rec_5'),
    ]);
    expect(outcomes.map((outcome) => (outcome.outcome === 'done' ? outcome.charge.status : outcome.outcome))).toEqual([
      'charged',
      'deduplicated',
      'charged',
      'unknown',
      'charged',
      'refused',
      'refused',
    ]);
    const [first, , second] = outcomes;
    if (first?.outcome !== 'done' || second?.outcome !== 'done') throw new Error('expected two charges');
    expect(first.charge.ledgerEntries).toMatchObject([{ type: 'charge', credits: -1, balanceAfter: 1999 }]);
    expect(second.charge.ledgerEntries).toMatchObject([{ type: 'charge', credits: -1, balanceAfter: 1998 }]);
    expect(await readCharge(db, workspaceId, first.charge.id)).toEqual(first.charge);

    expect((await readBalance(db, workspaceId, now))?.spendable).toBe(1997);
    const events = await db.query<{ type: string; data: { spendable?: number; spent?: number } }>(
      'SELECT type, data FROM events WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    );
    // The limit is announced once; the balance once for the group, with the group's final figure.
    expect(events).toEqual([
      { type: 'limit.reached', data: expect.objectContaining({ scope: 'workbook', spent: 3 }) },
      { type: 'balance.updated', data: expect.objectContaining({ spendable: 1997 }) },
    ]);
    expect(await count('SELECT count(*)::int AS count FROM charges WHERE workspace_id = $1', workspaceId)).toBe(4);
    expect(await count('SELECT count(*)::int AS count FROM dedup_keys WHERE workspace_id = $1', workspaceId)).toBe(3);
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });
});
