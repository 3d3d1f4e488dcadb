/**
 * The credit ledger. Amounts are integer thousandths of a credit (bigint).
 * ledger_entries is append-only: refunds, forfeits and renewals add rows, nothing updates or deletes one.
 * grants.remaining and spend_limits.spent are running totals kept in the same transaction as the
 * entries they summarise; the reconciliation query recomputes them from the entries.
 */
export const ledgerSchema = `
CREATE TABLE workspaces (
  id text PRIMARY KEY,
  plan_id text NOT NULL,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  scheduled_plan_id text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE secret_keys (
  key_hash text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE grants (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  source text NOT NULL CHECK (source IN ('plan', 'rollover', 'purchased')),
  credits bigint NOT NULL CHECK (credits >= 0),
  remaining bigint NOT NULL CHECK (remaining >= 0 AND remaining <= credits),
  effective_at timestamptz NOT NULL,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX grants_by_workspace ON grants (workspace_id);

CREATE TABLE charges (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  action_id text NOT NULL,
  provider text NOT NULL,
  model text,
  workbook_id text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  enrichment_id text,
  audience_id text,
  run_id text,
  credits bigint NOT NULL CHECK (credits >= 0),
  status text NOT NULL CHECK (status IN ('charged', 'own_key', 'deduplicated', 'refunded')),
  refund_reason text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  refunded_at timestamptz
);
CREATE INDEX charges_by_workspace ON charges (workspace_id, created_at);

CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  type text NOT NULL CHECK (type IN ('grant', 'charge', 'refund', 'forfeited', 'expired')),
  grant_id text REFERENCES grants (id),
  charge_id text REFERENCES charges (id),
  credits bigint NOT NULL,
  balance_after bigint NOT NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ledger_entries_by_workspace ON ledger_entries (workspace_id, id);
CREATE INDEX ledger_entries_by_charge ON ledger_entries (charge_id);

-- R13: one paying charge per record and field in a workspace; a refund releases the key.
CREATE TABLE dedup_keys (
  workspace_id text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  charge_id text NOT NULL REFERENCES charges (id),
  PRIMARY KEY (workspace_id, record_id, field)
);

-- R11, R12: spend per workbook and per enrichment, net of refunds, and the limit if one is set.
CREATE TABLE spend (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  scope text NOT NULL CHECK (scope IN ('workbook', 'enrichment')),
  scope_id text NOT NULL,
  spent bigint NOT NULL DEFAULT 0,
  limit_enabled boolean NOT NULL DEFAULT false,
  credit_limit bigint,
  reached_notified boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, scope, scope_id)
);

-- R9: AI runs and their budgets; an open run's unspent budget is reserved.
CREATE TABLE runs (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text NOT NULL,
  workbook_id text NOT NULL,
  enrichment_id text,
  model text,
  budget bigint NOT NULL CHECK (budget > 0),
  spent bigint NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('running', 'completed')),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  completed_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);

-- R10: the workspace's own provider keys, kept as a hash and the last 4 characters only.
CREATE TABLE integration_keys (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  provider text NOT NULL,
  key_hash text NOT NULL,
  key_last4 text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (workspace_id, provider)
);

CREATE TABLE purchases (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  credits bigint NOT NULL CHECK (credits > 0),
  grant_id text NOT NULL REFERENCES grants (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- R19: the first answer to each idempotency key, with the route and body it was for.
CREATE TABLE idempotency_keys (
  workspace_id text NOT NULL,
  key text NOT NULL,
  route text NOT NULL,
  body_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  type text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX events_by_workspace ON events (workspace_id, id);
`;
