import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * R27 under real concurrency: two server instances share one PostgreSQL, and 64 charges sent at once, half to each,
 * overlap in different transactions and groups (one instance alone would queue a workspace's groups one after the
 * other). Whichever one takes the balance below the threshold, the workspace is topped up exactly once, and the
 * ledger reconciles with the top-up's grant in it.
 */

const clientCount = 64;
const rounds = 3;

let postgres: ThrowawayPostgres;
let server: RunningServer;
let twin: RunningServer;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
  twin = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
});

afterAll(async () => {
  await server?.close();
  await twin?.close();
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

const charge = (secretKey: string, i: number) =>
  fetch(`${(i % 2 === 0 ? server : twin).url}/v1/charges`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secretKey}`,
      'content-type': 'application/json',
      'idempotency-key': `race-${i}`,
    },
    body: JSON.stringify({ actionId: 'find-work-email', workbookId: 'wb_race', recordId: `rec_${i}`, field: 'email' }),
  }).then((response) => response.status);

describe('R27 auto top-up on PostgreSQL', () => {
  it(`R27: ${clientCount} concurrent charges crossing the threshold top up exactly once`, async () => {
    for (let round = 0; round < rounds; round += 1) {
      const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
      // The 33rd charge leaves 1,967, below 1,968: topped up by 500, the rest never fall below again.
      await client.autoTopUp.update({ enabled: true, threshold: 1968, credits: 500, monthlyCap: 5000 });

      const statuses = await Promise.all(Array.from({ length: clientCount }, (_, i) => charge(secretKey, i)));
      expect(statuses).toEqual(Array(clientCount).fill(201));

      expect(await countEvents(workspaceId, 'topup.completed')).toBe(1);
      expect(await countEvents(workspaceId, 'topup.capped')).toBe(0);
      expect((await client.balance.retrieve()).spendable).toBe(2000 - clientCount + 500);
      expect(await client.autoTopUp.retrieve()).toMatchObject({ state: 'armed', month: { toppedUp: 500 } });
      expect(await reconcile(server.db, workspaceId)).toEqual([]);
      expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
    }
  });

  it(`R27: ${clientCount} concurrent charges past a spent cap write topup.capped exactly once`, async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
    // One charge first spends the cap: 1,999 is below 1,999.5, topped up by 1 to 2,000, armed again.
    await client.autoTopUp.update({ enabled: true, threshold: 1999.5, credits: 1, monthlyCap: 1 });
    expect(await charge(secretKey, -1)).toBe(201);
    expect(await countEvents(workspaceId, 'topup.completed')).toBe(1);

    // The next fall below, whichever of the 64 makes it, is capped: once, as the balance never comes back.
    const statuses = await Promise.all(Array.from({ length: clientCount }, (_, i) => charge(secretKey, i)));
    expect(statuses).toEqual(Array(clientCount).fill(201));

    expect(await countEvents(workspaceId, 'topup.completed')).toBe(1);
    expect(await countEvents(workspaceId, 'topup.capped')).toBe(1);
    expect(await client.autoTopUp.retrieve()).toMatchObject({
      state: 'triggered',
      month: { toppedUp: 1, remaining: 0 },
    });
    expect((await client.balance.retrieve()).spendable).toBe(2000 - clientCount);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
    expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
  });
});
