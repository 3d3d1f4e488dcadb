import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { expireDueGrants } from '../../src/store/grant-expiry';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * R28 with several instances on one PostgreSQL, each with its own connection pool and the same clock: when the
 * clock passes the grants' expiry, both instances' minute jobs and many dev-route calls to both run at once, and
 * every granted remainder must be written off by exactly one `expired` row.
 */

let postgres: ThrowawayPostgres;
let first: RunningServer;
let second: RunningServer;
let clock = new Date('2026-11-02T12:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  postgres = await postgresForTests();
  first = await startServer({ port: 0, dev: true, databaseUrl: postgres.url, now: () => clock });
  second = await startServer({ port: 0, dev: true, databaseUrl: postgres.url, now: () => clock });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await postgres?.stop();
});

const workspaceCount = 4;
const grantsPerWorkspace = 5;
const callsPerServer = 8;

describe('R28 expiry on PostgreSQL with two servers', () => {
  it('R28: two servers expiring at once write one `expired` row per grant, and the ledger reconciles', async () => {
    const workspaces = await Promise.all(
      Array.from({ length: workspaceCount }, () => createDevWorkspace(first.url, 'free')),
    );
    const expiry = new Date(clock.getTime() + DAY).toISOString();
    for (const { client } of workspaces) {
      for (let index = 0; index < grantsPerWorkspace; index++) {
        await client.grants.create({ credits: 1 + index + 0.125, reason: 'promotional', expiresAt: expiry });
      }
    }
    clock = new Date(clock.getTime() + DAY);

    const expire = (url: string, workspaceId: string, secretKey: string) =>
      fetch(`${url}/v1/dev/workspaces/${workspaceId}/expire-grants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}` },
      }).then((response) => response.status);
    const statuses = await Promise.all([
      expireDueGrants(first.db, () => clock).then(() => 200),
      expireDueGrants(second.db, () => clock).then(() => 200),
      ...workspaces.flatMap(({ workspaceId, secretKey }) =>
        Array.from({ length: callsPerServer }, (_, call) =>
          expire(call % 2 === 0 ? first.url : second.url, workspaceId, secretKey),
        ),
      ),
    ]);
    expect(new Set(statuses)).toEqual(new Set([200]));

    const rows = await first.db.query<{ grant_id: string; rows: number; credits: number; granted: number }>(
      `SELECT g.id AS grant_id, COUNT(e.id)::int AS rows, COALESCE(SUM(e.credits), 0)::bigint AS credits,
              g.credits AS granted
         FROM grants g LEFT JOIN ledger_entries e ON e.grant_id = g.id AND e.type = 'expired'
        WHERE g.source = 'granted' GROUP BY g.id, g.credits`,
    );
    expect(rows).toHaveLength(workspaceCount * grantsPerWorkspace);
    for (const row of rows) {
      expect(row.rows).toBe(1);
      expect(Number(row.credits)).toBe(-Number(row.granted));
    }
    const events = await first.db.query<{ count: number }>(
      "SELECT COUNT(*)::int AS count FROM events WHERE type = 'grant.expired'",
    );
    expect(events[0]?.count).toBe(workspaceCount * grantsPerWorkspace);
    expect(await reconcile(first.db)).toEqual([]);
    for (const { client } of workspaces) expect((await client.balance.retrieve()).bySource.granted).toBe(0);
  });
});
