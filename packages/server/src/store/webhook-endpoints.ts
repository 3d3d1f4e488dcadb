import type { Queryable } from './database';
import { toIsoTimestamp } from './timestamps';

/** A webhook endpoint as stored: its signing secrets sealed (`crypto/secret-box.ts`), never in clear. */
export interface WebhookEndpointRow {
  id: string;
  workspace_id: string;
  url: string;
  event_types: string[] | null;
  enabled: boolean;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** A workspace's endpoint by id; null when it has none by that id (R21: another workspace's is none). */
export async function findWebhookEndpoint(
  db: Queryable,
  workspaceId: string,
  endpointId: string,
  lock = false,
): Promise<WebhookEndpointRow | null> {
  const [row] = await db.query<WebhookEndpointRow>(
    `SELECT * FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId, endpointId],
  );
  return row ?? null;
}

export async function listWebhookEndpoints(db: Queryable, workspaceId: string): Promise<WebhookEndpointRow[]> {
  return db.query<WebhookEndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE workspace_id = $1 ORDER BY created_at, id',
    [workspaceId],
  );
}

export async function countWebhookEndpoints(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'SELECT COUNT(*)::int AS count FROM webhook_endpoints WHERE workspace_id = $1',
    [workspaceId],
  );
  return Number(row?.count ?? 0);
}

export interface NewWebhookEndpoint {
  id: string;
  url: string;
  eventTypes: string[] | null;
  enabled: boolean;
  secretSealed: string;
}

/**
 * Creates an endpoint that receives the events after the workspace's newest one. The caller holds the workspace
 * row lock, under which every event is written, so no event committed before this is queued for it and none after
 * is missed.
 */
export async function insertWebhookEndpoint(
  tx: Queryable,
  workspaceId: string,
  endpoint: NewWebhookEndpoint,
  now: Date,
): Promise<WebhookEndpointRow> {
  const [row] = await tx.query<WebhookEndpointRow>(
    `INSERT INTO webhook_endpoints (id, workspace_id, url, event_types, enabled, secret_sealed, event_cursor, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6,
             (SELECT COALESCE(MAX(id), 0) FROM events WHERE workspace_id = $2), $7, $7)
     RETURNING *`,
    [
      endpoint.id,
      workspaceId,
      endpoint.url,
      endpoint.eventTypes === null ? null : JSON.stringify(endpoint.eventTypes),
      endpoint.enabled,
      endpoint.secretSealed,
      now,
    ],
  );
  if (!row) throw new Error('The endpoint was not created.');
  return row;
}

export interface WebhookEndpointChange {
  url?: string | undefined;
  eventTypes?: string[] | null | undefined;
  enabled?: boolean | undefined;
}

/**
 * Applies a change to a locked endpoint. Enabling a disabled one starts it after the workspace's newest event:
 * what happened while it was disabled is not sent to it.
 */
export async function updateWebhookEndpoint(
  tx: Queryable,
  endpoint: WebhookEndpointRow,
  change: WebhookEndpointChange,
  now: Date,
): Promise<WebhookEndpointRow> {
  const eventTypes = change.eventTypes === undefined ? endpoint.event_types : change.eventTypes;
  const enabled = change.enabled ?? endpoint.enabled;
  const [row] = await tx.query<WebhookEndpointRow>(
    `UPDATE webhook_endpoints
        SET url = $2, event_types = $3::jsonb, enabled = $4, updated_at = $5,
            event_cursor = CASE WHEN $4 AND NOT enabled
                                THEN (SELECT COALESCE(MAX(id), 0) FROM events WHERE workspace_id = $6)
                                ELSE event_cursor END
      WHERE id = $1
      RETURNING *`,
    [
      endpoint.id,
      change.url ?? endpoint.url,
      eventTypes === null ? null : JSON.stringify(eventTypes),
      enabled,
      now,
      endpoint.workspace_id,
    ],
  );
  if (!row) throw new Error('The endpoint to update is gone.');
  return row;
}

/** Replaces the signing secret; the one it replaces still signs until `previousExpiresAt`. */
export async function rotateWebhookSecret(
  tx: Queryable,
  endpoint: WebhookEndpointRow,
  secretSealed: string,
  previousExpiresAt: Date,
  now: Date,
): Promise<WebhookEndpointRow> {
  const [row] = await tx.query<WebhookEndpointRow>(
    `UPDATE webhook_endpoints
        SET secret_sealed = $2, previous_secret_sealed = secret_sealed, previous_secret_expires_at = $3, updated_at = $4
      WHERE id = $1
      RETURNING *`,
    [endpoint.id, secretSealed, previousExpiresAt, now],
  );
  if (!row) throw new Error('The endpoint to rotate is gone.');
  return row;
}

/** Deletes an endpoint with its deliveries and their attempts. */
export async function deleteWebhookEndpoint(tx: Queryable, endpointId: string): Promise<void> {
  await tx.query('DELETE FROM webhook_endpoints WHERE id = $1', [endpointId]);
}

/** An endpoint as the API shows it: never a secret. A rotated secret's overlap shows until it ends. */
export function webhookEndpointView(row: WebhookEndpointRow, now: Date) {
  const previousExpiresAt = row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at);
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    enabled: row.enabled,
    previousSecretExpiresAt:
      previousExpiresAt !== null && previousExpiresAt > now ? previousExpiresAt.toISOString() : null,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}
