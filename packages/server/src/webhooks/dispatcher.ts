import { signWebhook, type WebhookHeaders } from '@creditkit/sdk/webhooks';
import { randomBase64url } from '../crypto/random';
import type { SecretBox } from '../crypto/secret-box';
import type { Database } from '../store/database';
import { eventEnvelope } from '../store/event-envelope';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  queueNewEvents,
  recordAttempt,
  releaseLeasesOfDeadProcess,
} from '../store/webhook-deliveries';
import type { DeliveryResult, DeliverySender } from './http-delivery';
import { defaultRetrySchedule, nextAttemptAt, type RetrySchedule } from './retry-schedule';

/** How the dispatcher paces itself; each has a default, and tests choose theirs. */
export interface WebhookDispatcherSettings {
  /** One attempt's time, from resolving the host to the answer's status line. */
  attemptTimeoutMs: number;
  /** How often it looks for new events and due deliveries when nothing wakes it. */
  pollIntervalMs: number;
  /** How long a claimed delivery stays this server's: past it, another server may attempt it again. */
  leaseMs: number;
  /** Attempts in flight at once, all endpoints together. */
  maxInFlight: number;
  schedule: RetrySchedule;
  /** Draws the back-off's jitter, in [0, 1). */
  random: () => number;
}

export const defaultDispatcherSettings: WebhookDispatcherSettings = {
  attemptTimeoutMs: 10_000,
  pollIntervalMs: 1_000,
  // Well past an attempt's time, so only a server that died (or stalled that long) loses its claim.
  leaseMs: 60_000,
  maxInFlight: 16,
  schedule: defaultRetrySchedule,
  random: Math.random,
};

export interface WebhookDispatcherOptions extends WebhookDispatcherSettings {
  db: Database;
  now: () => Date;
  secretBox: SecretBox;
  send: DeliverySender;
}

export interface WebhookDispatcher {
  /** Looks for work now rather than at the next poll (after a commit that queued some). */
  wake(): void;
  /** Stops claiming, and resolves once the attempts in flight are recorded. */
  stop(): Promise<void>;
}

/** What an error is logged as: bounded, so a receiver's long answer never fills the log. */
const maxErrorLength = 500;

/** The secrets a delivery is signed with at `at`: the current one, and a rotated one until its overlap ends. */
async function signingSecrets(box: SecretBox, delivery: ClaimedDelivery, at: Date): Promise<string[] | null> {
  const current = await box.open(delivery.secretSealed, delivery.endpointId);
  if (current === null) return null;
  const overlapping =
    delivery.previousSecretSealed !== null &&
    delivery.previousSecretExpiresAt !== null &&
    delivery.previousSecretExpiresAt > at;
  const previous = overlapping ? await box.open(delivery.previousSecretSealed as string, delivery.endpointId) : null;
  return previous === null ? [current] : [current, previous];
}

/**
 * Signs as the Standard Webhooks specification says, once per secret: while a secret is rotated,
 * `webhook-signature` lists a signature by each, space-separated, and a receiver holding either accepts it.
 */
async function signedHeaders(id: string, timestamp: Date, body: string, secrets: string[]): Promise<WebhookHeaders> {
  const signed = await Promise.all(secrets.map((secret) => signWebhook({ id, timestamp, body }, secret)));
  const [first] = signed;
  if (!first) throw new Error('A delivery needs a secret to sign with.');
  return { ...first, 'webhook-signature': signed.map((headers) => headers['webhook-signature']).join(' ') };
}

/**
 * Delivers every event to the endpoints that take it, at least once (R26): in the server process, never inside a
 * request. Each round queues the events committed since the last one (the events table is the outbox), claims due
 * deliveries for the free slots, and POSTs each signed, with the same `webhook-id` on every attempt. A failure is
 * tried again on the retry schedule until its window ends. Clock and randomness come from the options.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { db, now } = options;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let wokenEarly = false;

  const wake = () => {
    wokenEarly = true;
    wakeUp?.();
  };

  async function attempt(delivery: ClaimedDelivery, leaseToken: string): Promise<void> {
    const sentAt = now();
    const body = JSON.stringify(eventEnvelope(delivery.event));
    const secrets = await signingSecrets(options.secretBox, delivery, sentAt);
    const result: DeliveryResult =
      secrets === null
        ? {
            statusCode: null,
            error:
              "the endpoint's signing secret cannot be read with this server's secret (CREDITKIT_SESSION_SECRET " +
              'changed): rotate the secret',
          }
        : await options.send({
            url: delivery.url,
            headers: await signedHeaders(delivery.id, sentAt, body, secrets),
            body,
            timeoutMs: options.attemptTimeoutMs,
          });
    const finishedAt = now();
    const windowStartedAt = delivery.windowStartedAt ?? sentAt;
    const next =
      result.error === null
        ? null
        : nextAttemptAt(options.schedule, delivery.attempts + 1, windowStartedAt, finishedAt, options.random);
    await recordAttempt(db, delivery.id, leaseToken, {
      sentAt,
      statusCode: result.statusCode,
      error: result.error?.slice(0, maxErrorLength) ?? null,
      windowStartedAt,
      nextAttemptAt: next,
      completedAt: finishedAt,
    });
  }

  function track(delivery: ClaimedDelivery, leaseToken: string): void {
    const running = attempt(delivery, leaseToken)
      .catch((error: unknown) => {
        // Its lease runs out and another round attempts it again: at least once.
        console.error(`webhook delivery ${delivery.id} could not be recorded:`, error);
      })
      .finally(() => {
        inFlight.delete(running);
        // Claims come in batches: a round (two transactions) per half of the slots freed, not per attempt, so
        // a busy dispatcher takes fewer turns of a database it shares with the charges.
        if (inFlight.size <= options.maxInFlight / 2) wake();
      });
    inFlight.add(running);
  }

  async function round(): Promise<void> {
    await queueNewEvents(db, now());
    const free = options.maxInFlight - inFlight.size;
    if (free <= 0) return;
    const claimedAt = now();
    const leaseToken = randomBase64url(16);
    const claimed = await claimDueDeliveries(
      db,
      claimedAt,
      new Date(claimedAt.getTime() + options.leaseMs),
      leaseToken,
      free,
    );
    for (const delivery of claimed) track(delivery, leaseToken);
  }

  function pause(): Promise<void> {
    if (wokenEarly) {
      wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        wokenEarly = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  const loop = (async () => {
    await releaseLeasesOfDeadProcess(db).catch((error: unknown) => console.error('webhook leases:', error));
    while (!stopped) {
      try {
        await round();
      } catch (error) {
        if (!stopped) console.error('webhook dispatcher round failed:', error);
      }
      if (!stopped) await pause();
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await Promise.all(inFlight);
    },
  };
}
