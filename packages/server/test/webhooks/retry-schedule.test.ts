import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { prng } from '../support/seeded-random';
import { startTestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';
import { testClock } from '../support/webhook-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/*
 * R26's retry schedule on the test's clock: after the nth failure the next attempt waits
 * max(1 s, draw × min(5 s × 2^(n−1), 1 h)), the draws being the jitter the test injects; attempts go on until 24 hours
 * after the first, and the first to fail past that marks the delivery failed. A redelivery sends it again.
 */

const hour = 3_600_000;
const clock = testClock('2026-11-02T12:00:00Z');
const draw = prng(7);
/** The jitter draws, in the order the dispatcher takes them: one per failure. */
const draws = Array.from({ length: 500 }, () => draw(1_000_000) / 1_000_000);
let drawn = 0;
let server: RunningServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startTestServer({
    now: clock.now,
    webhooks: { pollIntervalMs: 20, random: () => draws[drawn++] ?? 0.5 },
  });
  receiver = await startWebhookReceiver(() => ({ status: 503 }));
});
afterAll(async () => {
  await server?.close();
  await receiver?.kill();
});

/** The wait the schedule gives after the `failures`-th failure with this draw. */
const expectedWait = (failures: number, jitter: number) =>
  Math.max(1_000, Math.floor(jitter * Math.min(5_000 * 2 ** (failures - 1), hour)));

describe('the retry schedule', () => {
  it('backs off exponentially with full jitter for a day, then marks the delivery failed; redeliver sends it again', async () => {
    const { client } = await createDevWorkspace(server.url);
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url });
    await client.purchases.create({ credits: 10 });

    const firstAttemptAt = clock.now().getTime();
    const waits: number[] = [];
    let delivery = (await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0];
    for (let failures = 1; ; failures++) {
      await waitUntil(async () => {
        delivery = (await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0];
        return delivery?.attempts === failures;
      }, `attempt ${failures}`);
      const sentAt = clock.now().getTime();
      expect(delivery).toMatchObject({ lastStatusCode: 503, lastError: 'answered 503' });
      if (sentAt - firstAttemptAt >= 24 * hour) {
        expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
        expect(delivery?.completedAt).toBe(clock.now().toISOString());
        break;
      }
      expect(delivery?.status).toBe('pending');
      const wait = expectedWait(failures, draws[failures - 1] as number);
      expect(delivery?.nextAttemptAt).toBe(new Date(sentAt + wait).toISOString());
      waits.push(wait);
      clock.set(new Date(sentAt + wait));
    }

    // The ceilings double from 5 s to 2,560 s, then stay at an hour; the last attempt came after a day, and the
    // one before it within the day.
    expect(waits.slice(0, 10).every((wait, index) => wait <= 5_000 * 2 ** index)).toBe(true);
    expect(waits.every((wait) => wait >= 1_000 && wait <= hour)).toBe(true);
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThanOrEqual(24 * hour);
    expect(total - (waits.at(-1) as number)).toBeLessThan(24 * hour);
    expect(receiver.received).toHaveLength(waits.length + 1);
    expect(new Set(receiver.received.map((request) => request.webhookId))).toEqual(new Set([delivery?.id]));

    // The log holds every attempt, numbered.
    const logged = await client.webhookEndpoints.retrieveDelivery(endpoint.id, delivery?.id ?? '');
    expect(logged.attemptLog.map((attempt) => attempt.number)).toEqual(
      Array.from({ length: waits.length + 1 }, (_, index) => index + 1).slice(-100),
    );

    receiver.reply = () => ({ status: 204 });
    const again = await client.webhookEndpoints.redeliver(endpoint.id, delivery?.id ?? '');
    expect(again).toMatchObject({ id: delivery?.id, status: 'pending', nextAttemptAt: clock.now().toISOString() });
    await waitUntil(
      async () => (await client.webhookEndpoints.retrieveDelivery(endpoint.id, again.id)).status === 'succeeded',
      'the redelivery',
    );
    const done = await client.webhookEndpoints.retrieveDelivery(endpoint.id, again.id);
    expect(done).toMatchObject({
      attempts: waits.length + 2,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(receiver.received.at(-1)?.webhookId).toBe(delivery?.id);
  });
});
