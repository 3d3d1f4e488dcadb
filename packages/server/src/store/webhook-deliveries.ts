import type { Database, Queryable } from './database';
import type { EventRow } from './event-envelope';
import { toIsoTimestamp } from './timestamps';

/*
 * The outbox's read side (R26). Events are written in the transaction of the change they report; these
 * statements queue them per endpoint, hand each due delivery to one server at a time under a lease, and record
 * what each attempt got. None of them runs inside a charge's transaction, and none holds a lock over the network.
 */

/** Endpoints whose workspace has events past their cursor, fanned out per round. */
const endpointsPerRound = 50;
/** Events queued per endpoint per round; a longer backlog is queued over the next rounds. */
const eventsPerEndpoint = 500;

/**
 * Queues a delivery for every new event of each enabled endpoint's workspace that its filter takes, and moves its
 * cursor past every event it looked at. Each endpoint is taken with `SKIP LOCKED`, so servers sharing a database
 * fan out different endpoints; the (endpoint, event) key makes a repeat harmless. Returns the deliveries queued.
 */
export async function queueNewEvents(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const endpoints = await tx.query<{ id: string; workspace_id: string; event_cursor: number; event_types: unknown }>(
      `SELECT e.id, e.workspace_id, e.event_cursor, e.event_types FROM webhook_endpoints e
        WHERE e.enabled
          AND EXISTS (SELECT 1 FROM events v WHERE v.workspace_id = e.workspace_id AND v.id > e.event_cursor)
        ORDER BY e.id LIMIT $1
        FOR UPDATE OF e SKIP LOCKED`,
      [endpointsPerRound],
    );
    let queued = 0;
    for (const endpoint of endpoints) {
      const [row] = await tx.query<{ queued: number }>(
        `WITH scanned AS (
           SELECT id, type FROM events WHERE workspace_id = $2 AND id > $3 ORDER BY id LIMIT $4
         ), queued AS (
           INSERT INTO webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, status, next_attempt_at, created_at)
           SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), $2, $1, s.id, s.type, 'pending', $5::timestamptz, $5::timestamptz
             FROM scanned s
            WHERE $6::jsonb IS NULL OR $6::jsonb ? s.type
           ON CONFLICT (endpoint_id, event_id) DO NOTHING
           RETURNING 1
         ), moved AS (
           UPDATE webhook_endpoints SET event_cursor = (SELECT MAX(id) FROM scanned)
            WHERE id = $1 AND EXISTS (SELECT 1 FROM scanned)
         )
         SELECT COUNT(*)::int AS queued FROM queued`,
        [
          endpoint.id,
          endpoint.workspace_id,
          endpoint.event_cursor,
          eventsPerEndpoint,
          now,
          endpoint.event_types === null ? null : JSON.stringify(endpoint.event_types),
        ],
      );
      queued += Number(row?.queued ?? 0);
    }
    return queued;
  });
}

/** A claimed delivery with what its attempt needs: the endpoint's URL and sealed secrets, and the event. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  attempts: number;
  windowStartedAt: Date | null;
  url: string;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  event: EventRow;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints for one attempt each: `FOR UPDATE SKIP LOCKED` so two
 * servers never take the same one, and a lease until `leaseUntil` (marked with `leaseToken`) so one a crashed
 * server held becomes due again when the lease ends.
 */
export async function claimDueDeliveries(
  db: Database,
  now: Date,
  leaseUntil: Date,
  leaseToken: string,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await db.transaction((tx) =>
    tx.query<{
      id: string;
      endpoint_id: string;
      attempts: number;
      window_started_at: Date | string | null;
      url: string;
      secret_sealed: string;
      previous_secret_sealed: string | null;
      previous_secret_expires_at: Date | string | null;
      event_id: number | string;
      event_type: string;
      event_data: unknown;
      event_created_at: Date | string;
    }>(
      `WITH claimed AS (
         UPDATE webhook_deliveries SET lease_token = $1, lease_expires_at = $2
          WHERE id IN (
            SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
             WHERE d.status = 'pending' AND d.next_attempt_at <= $3 AND e.enabled
               AND (d.lease_expires_at IS NULL OR d.lease_expires_at <= $3)
             ORDER BY d.next_attempt_at, d.seq
             LIMIT $4
             FOR UPDATE OF d SKIP LOCKED)
          RETURNING id, endpoint_id, event_id, attempts, window_started_at
       )
       SELECT c.id, c.endpoint_id, c.attempts, c.window_started_at,
              e.url, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at,
              v.id AS event_id, v.type AS event_type, v.data AS event_data, v.created_at AS event_created_at
         FROM claimed c JOIN webhook_endpoints e ON e.id = c.endpoint_id JOIN events v ON v.id = c.event_id`,
      [leaseToken, leaseUntil, now, limit],
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    endpointId: row.endpoint_id,
    attempts: row.attempts,
    windowStartedAt: row.window_started_at === null ? null : new Date(row.window_started_at),
    url: row.url,
    secretSealed: row.secret_sealed,
    previousSecretSealed: row.previous_secret_sealed,
    previousSecretExpiresAt: row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at),
    event: { id: row.event_id, type: row.event_type, data: row.event_data, created_at: row.event_created_at },
  }));
}

/** What one attempt got, and what follows: done, failed for good, or the next attempt's time. */
export interface AttemptOutcome {
  sentAt: Date;
  statusCode: number | null;
  /** Null when the endpoint answered 2xx. */
  error: string | null;
  /** When the retry window started: the first attempt's `sentAt`, or the last redelivery. */
  windowStartedAt: Date;
  /** The next attempt's time; null once succeeded or failed. */
  nextAttemptAt: Date | null;
  completedAt: Date;
}

/**
 * Records an attempt of a delivery still held under `leaseToken` and releases it. A lease that ran out meanwhile
 * (the attempt outlived it and another server may have taken the delivery) records nothing: that server's attempt
 * is the one logged.
 */
export async function recordAttempt(
  db: Database,
  deliveryId: string,
  leaseToken: string,
  outcome: AttemptOutcome,
): Promise<void> {
  const status = outcome.error === null ? 'succeeded' : outcome.nextAttemptAt === null ? 'failed' : 'pending';
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ attempts: number }>(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, status = $3, next_attempt_at = $4, window_started_at = $5,
              last_attempt_at = $6, last_status_code = $7, last_error = $8,
              completed_at = $9, lease_token = NULL, lease_expires_at = NULL
        WHERE id = $1 AND lease_token = $2
        RETURNING attempts`,
      [
        deliveryId,
        leaseToken,
        status,
        outcome.nextAttemptAt,
        outcome.windowStartedAt,
        outcome.sentAt,
        outcome.statusCode,
        outcome.error,
        status === 'pending' ? null : outcome.completedAt,
      ],
    );
    if (!row) return;
    await tx.query(
      'INSERT INTO webhook_attempts (delivery_id, number, sent_at, status_code, error) VALUES ($1, $2, $3, $4, $5)',
      [deliveryId, row.attempts, outcome.sentAt, outcome.statusCode, outcome.error],
    );
  });
}

/**
 * A PGlite data folder belongs to one process (its lock file), so a lease found when the server starts is a dead
 * process's: released at once rather than after it runs out. Never on PostgreSQL, where another server may hold it.
 */
export async function releaseLeasesOfDeadProcess(db: Database): Promise<void> {
  if (db.kind !== 'pglite') return;
  await db.query(
    `UPDATE webhook_deliveries SET lease_token = NULL, lease_expires_at = NULL
      WHERE status = 'pending' AND lease_token IS NOT NULL`,
  );
}

export interface WebhookDeliveryRow {
  id: string;
  seq: number;
  endpoint_id: string;
  event_id: number | string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: Date | string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date | string;
  completed_at: Date | string | null;
}

/** An endpoint's deliveries, newest first, before the delivery at `beforeSeq` when given. */
export async function listDeliveries(
  db: Queryable,
  endpointId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return db.query<WebhookDeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
      ORDER BY seq DESC LIMIT $3`,
    [endpointId, beforeSeq ?? null, limit],
  );
}

export async function findDelivery(
  db: Queryable,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryRow | null> {
  const [row] = await db.query<WebhookDeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 AND id = $2',
    [endpointId, deliveryId],
  );
  return row ?? null;
}

/** Attempts kept in a delivery's log as the API shows it. */
const attemptsShown = 100;

export async function deliveryAttempts(db: Queryable, deliveryId: string) {
  const rows = await db.query<{
    number: number;
    sent_at: Date | string;
    status_code: number | null;
    error: string | null;
  }>(
    `SELECT * FROM (SELECT number, sent_at, status_code, error FROM webhook_attempts WHERE delivery_id = $1
                     ORDER BY number DESC LIMIT $2) latest ORDER BY number`,
    [deliveryId, attemptsShown],
  );
  return rows.map((row) => ({
    number: row.number,
    sentAt: toIsoTimestamp(row.sent_at),
    statusCode: row.status_code,
    error: row.error,
  }));
}

/**
 * Makes a delivery due now, whatever its state, with a new retry window and the same id (`webhook-id`). An attempt
 * in flight loses its lease, so what it gets is not logged and cannot mark the delivery done: the redelivery is.
 */
export async function redeliver(tx: Queryable, deliveryId: string, now: Date): Promise<WebhookDeliveryRow> {
  const [row] = await tx.query<WebhookDeliveryRow>(
    `UPDATE webhook_deliveries
        SET status = 'pending', next_attempt_at = $2, window_started_at = NULL, completed_at = NULL,
            lease_token = NULL, lease_expires_at = NULL
      WHERE id = $1
      RETURNING *`,
    [deliveryId, now],
  );
  if (!row) throw new Error('The delivery to send again is gone.');
  return row;
}

/** A delivery as the API shows it. */
export function webhookDeliveryView(row: WebhookDeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: String(row.event_id),
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: toIsoTimestamp(row.next_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: toIsoTimestamp(row.created_at),
    completedAt: toIsoTimestamp(row.completed_at),
  };
}
