import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChargeRequest, createCharges, loadGroupState } from '../../src/store/charges';
import type { Database, Queryable } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { openPostgres } from '../../src/store/postgres';
import { createWorkspace, readWorkspace } from '../../src/store/workspaces';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

// A charge reads the rows it depends on, never the workspace's history: its records' dedup keys (R13) are looked
// up one by one, however many records the workspace has paid for. Counted with PostgreSQL's own statistics of the
// transaction (rows read from dedup_keys and entries returned by its indexes), the same on PGlite and PostgreSQL.

const now = new Date('2026-11-02T12:00:00.000Z');
const paidBefore = 400;

const emailCharge = (recordId: string): ChargeRequest => ({
  actionId: 'find-work-email',
  workbookId: 'wb_1',
  recordId,
  field: 'email',
});

const chargeAll = (db: Database, workspaceId: string, requests: ChargeRequest[]) =>
  db.transaction(async (tx) => {
    const workspace = await readWorkspace(tx, workspaceId, true);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    return createCharges(tx, workspace, requests, now);
  });

/** Rows of dedup_keys and entries of its indexes this transaction has read so far. */
async function dedupKeyReads(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ reads: number }>(
    `SELECT (pg_stat_get_xact_tuples_returned('dedup_keys'::regclass)
           + pg_stat_get_xact_tuples_fetched('dedup_keys'::regclass)
           + (SELECT COALESCE(SUM(pg_stat_get_xact_tuples_returned(indexrelid)), 0)
                FROM pg_index WHERE indrelid = 'dedup_keys'::regclass))::bigint AS reads`,
  );
  return Number(row?.reads);
}

/** What reading the state of one group of two charges (a record paid before, a new one) reads of dedup_keys. */
async function readsOfOneGroup(db: Database): Promise<number> {
  await migrate(db);
  const { workspaceId } = await createWorkspace(db, 'pro-annual', now);
  for (let first = 0; first < paidBefore; first += 100) {
    await chargeAll(
      db,
      workspaceId,
      Array.from({ length: 100 }, (_, index) => emailCharge(`rec_${first + index}`)),
    );
  }
  return db.transaction(async (tx) => {
    await readWorkspace(tx, workspaceId, true);
    const before = await dedupKeyReads(tx);
    const state = await loadGroupState(tx, workspaceId, [emailCharge('rec_7'), emailCharge('rec_new')]);
    const reads = (await dedupKeyReads(tx)) - before;
    // The lookup still finds what it must: the record paid before, and nothing for the new one.
    expect([...state.paid.keys()]).toEqual(['find-work-email\u0000rec_7\u0000email']);
    return reads;
  });
}

describe("a group of charges reads its own records' dedup keys, not the workspace's", () => {
  it('on PGlite', async () => {
    const db = await openPglite(undefined);
    try {
      expect(await readsOfOneGroup(db)).toBeLessThanOrEqual(4);
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

    it('in a database of its own', async () => {
      const db = await openPostgres(postgres.url);
      try {
        expect(await readsOfOneGroup(db)).toBeLessThanOrEqual(4);
      } finally {
        await db.close();
      }
    });
  });
});
