/**
 * R25: threshold alerts. `armed` is the crossing state of `crossAlert` (`@creditkit/rules`): true until the alert
 * fires, false until its value comes back. A threshold is thousandths of a credit for `credits`, a whole
 * percentage for `percent`. Only a balance alert has no scope id, and only it counts in credits.
 */
export const alertsSchema = `
CREATE TABLE alerts (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  scope text NOT NULL CHECK (scope IN ('balance', 'workbook', 'enrichment', 'run')),
  scope_id text,
  unit text NOT NULL CHECK (unit IN ('credits', 'percent')),
  threshold bigint NOT NULL CHECK (threshold >= 0),
  armed boolean NOT NULL DEFAULT true,
  triggered_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((scope = 'balance') = (scope_id IS NULL)),
  CHECK (unit = 'percent' OR scope = 'balance'),
  CHECK (unit = 'credits' OR threshold BETWEEN 1 AND 100)
);
CREATE INDEX alerts_by_workspace ON alerts (workspace_id, created_at, id);
`;
