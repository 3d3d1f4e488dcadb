/**
 * R27: auto top-up. One settings row per workspace (amounts in thousandths); `armed` is the crossing state of
 * `crossTopUpThreshold` (`@creditkit/rules`): true until the balance falls below the threshold, false until it is
 * back at or above it. Each top-up made is a row naming its grant; a month's rows sum to what the cap has used,
 * read through the index by workspace and time.
 */
export const autoTopUpSchema = `
CREATE TABLE auto_top_up_settings (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id),
  enabled boolean NOT NULL,
  threshold bigint NOT NULL CHECK (threshold > 0),
  credits bigint NOT NULL CHECK (credits > 0),
  monthly_cap bigint NOT NULL CHECK (monthly_cap >= credits),
  armed boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL
);
CREATE TABLE auto_top_ups (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  credits bigint NOT NULL CHECK (credits > 0),
  grant_id text NOT NULL REFERENCES grants (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX auto_top_ups_by_workspace ON auto_top_ups (workspace_id, created_at);
`;
