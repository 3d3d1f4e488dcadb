/**
 * R26: webhook endpoints and their deliveries. The events table is the outbox: every event is written in the
 * transaction of the change it reports, and the dispatcher reads each endpoint's workspace's events after the
 * endpoint's `event_cursor` (a workspace's events commit in id order under its row lock), queueing one delivery
 * per event and endpoint. A delivery is claimed by one server at a time through a lease, so a server that dies
 * mid-attempt leaves a claim that expires.
 */
export const webhooksSchema = `
CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  url text NOT NULL,
  -- null: every event type; else a JSON array of the types it receives.
  event_types jsonb,
  enabled boolean NOT NULL,
  -- The signing secrets, sealed with AES-GCM under a key derived from the server's secret (never in clear).
  secret_sealed text NOT NULL,
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  -- The last event of the workspace already queued for this endpoint (or passed over by its filter).
  event_cursor bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_by_workspace ON webhook_endpoints (workspace_id, created_at);

CREATE TABLE webhook_deliveries (
  -- The webhook-id of every attempt: stable per event and endpoint.
  id text PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events (id),
  event_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  -- Where the retry window starts: the first attempt, or the last redelivery.
  window_started_at timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  lease_token text,
  lease_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, seq);

CREATE TABLE webhook_attempts (
  delivery_id text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  number integer NOT NULL,
  sent_at timestamptz NOT NULL,
  status_code integer,
  error text,
  PRIMARY KEY (delivery_id, number)
);
`;
