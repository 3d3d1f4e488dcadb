import { rmSync } from 'node:fs';
import { createCreditClient } from '@creditkit/sdk';
import { verifyWebhook } from '@creditkit/sdk/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { killServerProcesses, spawnServer } from '../support/server-process';
import { freshPgliteFolder } from '../support/test-server';
import { waitUntil } from '../support/wait-until';
import { startWebhookReceiver } from '../support/webhook-receiver';

/*
 * R26: an event committed is delivered, even when the server dies between the commit and the delivery. The
 * receiver holds every request without answering, so each committed event is at most in flight when the real
 * server process is SIGKILLed; the restarted server (same data folder) delivers them all, with the same webhook-id.
 */

const charges = 12;

afterEach(killServerProcesses);

describe('a server killed between commit and delivery', () => {
  it('delivers every event after it restarts, each with the webhook-id it had', async () => {
    const folder = freshPgliteFolder();
    const receiver = await startWebhookReceiver(() => 'hang');
    try {
      const first = await spawnServer(['--data', folder]);
      const client = createCreditClient({ baseUrl: first.url, apiKey: first.secretKey, maxRetries: 0 });
      const endpoint = await client.webhookEndpoints.create({ url: receiver.url });
      for (let index = 0; index < charges; index++) {
        await client.charges.create({
          actionId: 'find-work-email',
          workbookId: 'wb',
          recordId: `r${index}`,
          field: 'email',
        });
      }
      // Committed, and some already on their way: the receiver holds them.
      await waitUntil(() => receiver.received.length > 0, 'a first attempt');
      first.child.kill('SIGKILL');
      await first.exited;
      const heldBeforeTheKill = new Map(
        receiver.received.map((request) => [JSON.parse(request.body).id as string, request.webhookId]),
      );

      receiver.reply = () => ({ status: 200 });
      const second = await spawnServer(['--data', folder]);
      const after = createCreditClient({ baseUrl: second.url, apiKey: first.secretKey });
      const answered = () =>
        receiver.received.filter((_, index) => {
          const answer = receiver.answers[index];
          return answer !== 'hang' && answer !== undefined && answer.status === 200;
        });
      await waitUntil(async () => {
        const page = await after.webhookEndpoints.listDeliveries(endpoint.id, { limit: 100 });
        return page.data.length >= charges && page.data.every((delivery) => delivery.status === 'succeeded');
      }, 'every delivery to succeed after the restart');

      const delivered = new Map<string, string>();
      for (const request of answered()) {
        const event = await verifyWebhook(request.body, request.headers as Record<string, string>, endpoint.secret);
        delivered.set(event.id, request.webhookId);
      }
      // One balance.updated per charge, each delivered; the ones in flight at the kill kept their webhook-id.
      expect(delivered.size).toBe(charges);
      for (const [eventId, webhookId] of heldBeforeTheKill) expect(delivered.get(eventId)).toBe(webhookId);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await receiver.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
