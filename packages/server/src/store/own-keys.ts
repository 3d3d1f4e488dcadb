import type { Queryable } from './database';

/** The providers this workspace has its own API key for: their actions and models cost 0 credits (R10). */
export async function ownKeyProviders(db: Queryable, workspaceId: string): Promise<Set<string>> {
  const rows = await db.query<{ provider: string }>('SELECT provider FROM integration_keys WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return new Set(rows.map((row) => row.provider));
}
