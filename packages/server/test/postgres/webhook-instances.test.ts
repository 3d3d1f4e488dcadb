import { randomBytes } from 'node:crypto';
import { createCreditClient } from '@creditkit/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { killServerProcesses, spawnServer } from '../support/server-process';
import { waitUntil } from '../support/wait-until';
import { testClock } from '../support/webhook-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/*
 * R26 with several servers on one PostgreSQL: each delivery attempt is claimed by one of them (FOR UPDATE SKIP
 * LOCKED), so a receiver that always answers gets every event exactly once; and a claim held by a server that was
 * SIGKILLed mid-attempt is taken over once its lease has run out on the others' clock, not before.
 */

const sessionSecret = randomBytes(32).toString('hex');
let postgres: ThrowawayPostgres;
let receiver: WebhookReceiver;
const servers: RunningServer[] = [];

beforeAll(async () => {
  postgres = await postgresForTests();
  receiver = await startWebhookReceiver();
});
afterEach(killServerProcesses);
afterAll(async () => {
  for (const server of servers) await server.close();
  await receiver?.kill();
  await postgres?.stop();
});

/** An instance of the deployment: the same database and session secret (which also seals the webhook secrets). */
async function instance(now?: () => Date): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    dev: true,
    databaseUrl: postgres.url,
    sessionSecret,
    ...(now && { now }),
    // Few slots, polled often: the two instances contend for the same due deliveries all the time.
    webhooks: { pollIntervalMs: 10, maxInFlight: 3 },
  });
  servers.push(server);
  return server;
}

describe('two instances on PostgreSQL', () => {
  it('send each event once to a receiver that always answers', async () => {
    const [first, second] = [await instance(), await instance()];
    const { secretKey, workspaceId, client } = await createDevWorkspace(first.url);
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url });
    const before = receiver.received.length;
    const through = (server: RunningServer) => createCreditClient({ baseUrl: server.url, apiKey: secretKey });
    await Promise.all(
      [first, second].map(async (server, side) => {
        for (let index = 0; index < 30; index++) {
          await through(server).charges.create({
            actionId: 'find-work-email',
            workbookId: 'wb',
            recordId: `r_${side}_${index}`,
            field: 'email',
          });
        }
      }),
    );
    const [{ events } = { events: 0 }] = await first.db.query<{ events: number }>(
      'SELECT COUNT(*)::int AS events FROM events WHERE workspace_id = $1',
      [workspaceId],
    );
    expect(events).toBe(60);
    await waitUntil(async () => {
      const [row] = await first.db.query<{ done: number }>(
        `SELECT COUNT(*)::int AS done FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'succeeded'`,
        [endpoint.id],
      );
      return row?.done === events;
    }, 'every delivery to succeed');

    const received = receiver.received.slice(before);
    expect(received).toHaveLength(events);
    expect(new Set(received.map((request) => request.webhookId)).size).toBe(events);
    expect(new Set(received.map((request) => JSON.parse(request.body).id)).size).toBe(events);
    const attempts = await first.db.query<{ attempts: number }>(
      'SELECT attempts FROM webhook_deliveries WHERE endpoint_id = $1',
      [endpoint.id],
    );
    expect(attempts.every((row) => row.attempts === 1)).toBe(true);
  });

  it("take over a killed server's claims once their lease ends on their clock, and not before", async () => {
    // The server that dies: a real process on the real clock, whose attempts the receiver holds unanswered.
    const doomed = await spawnServer(['--database-url', postgres.url], {
      env: { CREDITKIT_SESSION_SECRET: sessionSecret },
    });
    const { client, secretKey } = await createDevWorkspace(doomed.url);
    const hanging = await startWebhookReceiver(() => 'hang');
    try {
      const endpoint = await client.webhookEndpoints.create({ url: hanging.url });
      await client.purchases.create({ credits: 1 });
      await waitUntil(() => hanging.received.length === 1, 'the doomed server to attempt the delivery');
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      hanging.reply = () => ({ status: 200 });

      // The survivors run on a clock that stands still at the moment of the kill: the lease (60 s) holds.
      const clock = testClock(new Date().toISOString());
      const survivor = await instance(clock.now);
      const survivorClient = createCreditClient({ baseUrl: survivor.url, apiKey: secretKey });
      // A later event is delivered: the survivor ran rounds while the claim was held, and passed it over.
      await survivorClient.purchases.create({ credits: 2 });
      await waitUntil(async () => {
        const page = await survivorClient.webhookEndpoints.listDeliveries(endpoint.id);
        return page.data[0]?.status === 'succeeded';
      }, 'the later event to be delivered');
      const [later, claimed] = (await survivorClient.webhookEndpoints.listDeliveries(endpoint.id)).data;
      expect(later?.attempts).toBe(1);
      expect(claimed).toMatchObject({ status: 'pending', attempts: 0 });
      expect(hanging.received.filter((request) => request.webhookId === claimed?.id)).toHaveLength(1);

      // Once the lease has run out, the claim is the survivor's: the same webhook-id, delivered.
      clock.set(new Date(clock.now().getTime() + 2 * 60_000));
      await waitUntil(
        async () =>
          (await survivorClient.webhookEndpoints.retrieveDelivery(endpoint.id, claimed?.id ?? '')).status ===
          'succeeded',
        'the claim to be taken over',
      );
      expect(hanging.received.filter((request) => request.webhookId === claimed?.id)).toHaveLength(2);
    } finally {
      await hanging.kill();
    }
  });
});
