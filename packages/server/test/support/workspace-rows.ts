import type { Queryable } from '../../src/store/database';

/**
 * Every stored row of a workspace, table by table (each table with a `workspace_id`, found in the catalogue, so
 * a new table is covered without a change here), in a stable order: to show that a request wrote nothing.
 */
export async function workspaceRows(db: Queryable, workspaceId: string): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'workspace_id' AND table_schema = current_schema() ORDER BY table_name`,
  );
  const rows: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables) {
    const [found] = await db.query<{ rows: unknown[] | null }>(
      `SELECT json_agg(t ORDER BY t::text) AS rows FROM "${table}" AS t WHERE workspace_id = $1`,
      [workspaceId],
    );
    rows[table] = found?.rows ?? [];
  }
  const [workspace] = await db.query('SELECT * FROM workspaces WHERE id = $1', [workspaceId]);
  rows.workspaces = [workspace];
  return rows;
}
