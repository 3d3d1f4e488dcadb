import type { WebhookDelivery } from '@creditkit/sdk';
import { verifyWebhook } from '@creditkit/sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { prng } from '../support/seeded-random';
import { startTestServer } from '../support/test-server';
import { driveDeliveries, testClock } from '../support/webhook-clock';
import {
  type ReceivedRequest,
  type ReceiverReply,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver';

/*
 * R26: every event reaches the host at least once, whatever the receiver does. The receiver fails (500) or never
 * answers (against a 300 ms attempt timeout) about half of the attempts, decided by a seeded draw per
 * webhook-id and attempt, and is killed and restarted halfway; the server's clock is the test's, moved to each
 * next attempt, so no back-off is waited for.
 */

const seed = 20_260_226;
const charges = 40;

const clock = testClock('2026-11-02T12:00:00Z');
let server: RunningServer;
let receiver: WebhookReceiver;

/** The receiver's fate for an attempt: the same for a webhook-id's nth attempt on every run. */
function flakyReply(request: ReceivedRequest): ReceiverReply {
  // Past the 5th attempt of an event it answers, so the test ends well inside the retry window.
  if (request.repeat >= 5) return { status: 200 };
  const hash = [...`${request.webhookId}#${request.repeat}`].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), seed);
  const draw = prng(hash)(4);
  return draw === 0 ? { status: 500 } : draw === 1 ? 'hang' : { status: 200 };
}

beforeAll(async () => {
  const jitter = prng(seed);
  server = await startTestServer({
    now: clock.now,
    webhooks: { pollIntervalMs: 20, attemptTimeoutMs: 300, random: () => jitter(1_000_000) / 1_000_000 },
  });
  receiver = await startWebhookReceiver(flakyReply);
});
afterAll(async () => {
  await server?.close();
  await receiver?.kill();
});

describe('a receiver that fails, hangs and restarts', () => {
  it('gets every event, each signature verifies, and deduplicating by webhook-id processes each once', async () => {
    const { workspaceId, client } = await createDevWorkspace(server.url);
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url });
    for (let index = 0; index < charges; index++) {
      await client.charges.create({
        actionId: 'find-work-email',
        workbookId: 'wb_hooks',
        recordId: `rec_${index}`,
        field: 'email',
      });
    }
    const eventIds = (
      await server.db.query<{ id: number }>('SELECT id FROM events WHERE workspace_id = $1 ORDER BY id', [workspaceId])
    ).map((row) => String(row.id));
    expect(eventIds.length).toBeGreaterThanOrEqual(charges);

    let killed = false;
    let restarted = false;
    let movesWhileDown = 0;
    await driveDeliveries(
      server.db,
      clock,
      async () => {
        const [row] = await server.db.query<{ open: number; queued: number }>(
          `SELECT COUNT(*) FILTER (WHERE status <> 'succeeded')::int AS open, COUNT(*)::int AS queued
             FROM webhook_deliveries WHERE endpoint_id = $1`,
          [endpoint.id],
        );
        return row?.queued === eventIds.length && row.open === 0;
      },
      async () => {
        // Killed once a third of the events got through; restarted after three rounds of refused connections.
        if (!killed && receiver.received.length >= eventIds.length / 3) {
          await receiver.kill();
          killed = true;
        } else if (killed && !restarted && ++movesWhileDown === 3) {
          await receiver.restart();
          restarted = true;
        }
      },
    );
    expect(restarted).toBe(true);

    // Every request the receiver saw is signed by the endpoint's secret, and carries its event's envelope.
    const eventOf = new Map<string, string>();
    for (const request of receiver.received) {
      const event = await verifyWebhook(request.body, request.headers as Record<string, string>, endpoint.secret, {
        now: new Date(Number(request.headers['webhook-timestamp']) * 1000),
      });
      // One webhook-id per event and endpoint, reused on every attempt.
      expect(eventOf.get(request.webhookId) ?? event.id).toBe(event.id);
      eventOf.set(request.webhookId, event.id);
    }

    // The host processes a request it answered 2xx, skipping a webhook-id it processed before.
    const processed = new Map<string, number>();
    const seen = new Set<string>();
    receiver.received.forEach((request, index) => {
      const answer = receiver.answers[index];
      if (answer === 'hang' || answer === undefined || answer.status >= 300 || seen.has(request.webhookId)) return;
      seen.add(request.webhookId);
      const eventId = eventOf.get(request.webhookId) as string;
      processed.set(eventId, (processed.get(eventId) ?? 0) + 1);
    });
    expect([...processed.keys()].sort()).toEqual([...eventIds].sort());
    expect([...processed.values()].every((times) => times === 1)).toBe(true);

    // Failures happened, and were retried: the log shows them.
    const failedAttempts = receiver.answers.filter((answer) => answer === 'hang' || answer.status >= 500).length;
    expect(failedAttempts).toBeGreaterThan(eventIds.length / 4);
    const deliveries: WebhookDelivery[] = [];
    for await (const delivery of client.webhookEndpoints.listDeliveries(endpoint.id, { limit: 10 }))
      deliveries.push(delivery);
    expect(deliveries).toHaveLength(eventIds.length);
    expect(deliveries.every((delivery) => delivery.status === 'succeeded' && delivery.nextAttemptAt === null)).toBe(
      true,
    );
    const retried = deliveries.find((delivery) => delivery.attempts > 1);
    expect(retried).toBeDefined();
    const log = await client.webhookEndpoints.retrieveDelivery(endpoint.id, retried?.id ?? '');
    expect(log.attemptLog.map((attempt) => attempt.number)).toEqual(
      Array.from({ length: log.attempts }, (_, index) => index + 1),
    );
    expect(log.attemptLog.at(-1)).toMatchObject({ statusCode: 200, error: null });
    expect(log.attemptLog.slice(0, -1).every((attempt) => attempt.error !== null)).toBe(true);
  });
});
