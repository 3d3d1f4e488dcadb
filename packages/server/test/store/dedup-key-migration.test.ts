import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChargeRequest, createCharges } from '../../src/store/charges';
import type { Database } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { openPostgres } from '../../src/store/postgres';
import { createWorkspace, readWorkspace } from '../../src/store/workspaces';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

// A workspace's dedup keys written before R13 was keyed by action (record + field only) keep working after
// migration 2: each key takes the action of the charge that paid for it.

const now = new Date('2026-11-02T12:00:00.000Z');

const onVipMobile = (actionId: string): ChargeRequest => ({
  actionId,
  workbookId: 'wb_people',
  recordId: 'vip',
  field: 'mobile',
});

/** A paid find-mobile-phone charge and its key, as the schema of migration 1 stored them. */
async function writeOldShapeKey(db: Database, workspaceId: string): Promise<void> {
  await db.query(
    `INSERT INTO charges (id, workspace_id, action_id, provider, model, workbook_id, record_id, field, credits, status)
     VALUES ('charge_old', $1, 'find-mobile-phone', 'phonebook', NULL, 'wb_people', 'vip', 'mobile', 10000, 'charged')`,
    [workspaceId],
  );
  await db.query(
    "INSERT INTO dedup_keys (workspace_id, record_id, field, charge_id) VALUES ($1, 'vip', 'mobile', 'charge_old')",
    [workspaceId],
  );
}

const chargeAll = (db: Database, workspaceId: string, requests: ChargeRequest[]) =>
  db.transaction(async (tx) => {
    const workspace = await readWorkspace(tx, workspaceId, true);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    return createCharges(tx, workspace, requests, now);
  });

async function migratesOldKeys(db: Database): Promise<void> {
  expect(await migrate(db, { through: 1 })).toEqual([1]);
  const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
  await writeOldShapeKey(db, workspaceId);

  expect(await migrate(db)).toEqual([2, 3, 4]);
  expect(await db.query('SELECT action_id, record_id, field, charge_id FROM dedup_keys')).toEqual([
    { action_id: 'find-mobile-phone', record_id: 'vip', field: 'mobile', charge_id: 'charge_old' },
  ]);
  const [same, other] = await chargeAll(db, workspaceId, [
    onVipMobile('find-mobile-phone'),
    onVipMobile('lookup-company-domain'),
  ]);
  expect(same).toMatchObject({ outcome: 'done', charge: { status: 'deduplicated', credits: 0 } });
  expect(other).toMatchObject({ outcome: 'done', charge: { status: 'charged', credits: 0 } });
}

describe('migration 2: dedup keys by action (R13)', () => {
  it('keeps an existing key deduplicating its own action on PGlite', async () => {
    const db = await openPglite(undefined);
    try {
      await migratesOldKeys(db);
    } finally {
      await db.close();
    }
  });

  describe('on PostgreSQL', () => {
    let postgres: ThrowawayPostgres;
    beforeAll(async () => {
      postgres = await postgresForTests();
    });
    afterAll(() => postgres?.stop());

    it('keeps an existing key deduplicating its own action', async () => {
      const db = await openPostgres(postgres.url);
      try {
        await migratesOldKeys(db);
      } finally {
        await db.close();
      }
    });
  });
});
