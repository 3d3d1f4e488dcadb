import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * R25 under real concurrency: on PostgreSQL, through the connection pool, 64 charges sent at once overlap in
 * different transactions and groups. Whichever transaction takes the balance and the workbook's spend across
 * their thresholds, each alert must fire exactly one `alert.triggered`, and the ledger must reconcile.
 */

const clientCount = 64;
const rounds = 3;

let postgres: ThrowawayPostgres;
let server: RunningServer;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
});

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

const countEvents = async (workspaceId: string, type: string) =>
  Number(
    (
      await server.db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM events WHERE workspace_id = $1 AND type = $2',
        [workspaceId, type],
      )
    )[0]?.count,
  );

describe('R25 alerts on PostgreSQL', () => {
  it(`R25: ${clientCount} concurrent charges across the thresholds fire each alert exactly once`, async () => {
    for (let round = 0; round < rounds; round += 1) {
      const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
      await client.spendLimits.update({ workbookId: 'wb_race' }, { enabled: true, limit: 100 });
      // The balance crosses 1968 at the 32nd charge; the workbook reaches 50% of 100 at the 50th.
      const balanceAlert = await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 1968 });
      const workbookAlert = await client.alerts.create({
        scope: 'workbook',
        scopeId: 'wb_race',
        unit: 'percent',
        threshold: 50,
      });

      const statuses = await Promise.all(
        Array.from({ length: clientCount }, (_, i) =>
          fetch(`${server.url}/v1/charges`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${secretKey}`,
              'content-type': 'application/json',
              'idempotency-key': `race-${i}`,
            },
            body: JSON.stringify({
              actionId: 'find-work-email',
              workbookId: 'wb_race',
              recordId: `rec_${i}`,
              field: 'email',
            }),
          }).then((response) => response.status),
        ),
      );
      expect(statuses).toEqual(Array(clientCount).fill(201));

      expect(await countEvents(workspaceId, 'alert.triggered')).toBe(2);
      const fired = await server.db.query<{ data: { alert: { id: string } } }>(
        "SELECT data FROM events WHERE workspace_id = $1 AND type = 'alert.triggered' ORDER BY id",
        [workspaceId],
      );
      expect(fired.map((row) => row.data.alert.id)).toEqual([balanceAlert.id, workbookAlert.id]);
      expect((await client.alerts.list()).data.map((alert) => alert.state)).toEqual(['triggered', 'triggered']);
      expect((await client.balance.retrieve()).spendable).toBe(2000 - clientCount);
      expect(await reconcile(server.db, workspaceId)).toEqual([]);
      expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
    }
  });
});
