import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';
import { createWorkspace, workspaceOfSecretKey } from '../../src/store/workspaces';

let db: Database;
const now = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
});
afterAll(() => db.close());

/** How keys were hashed before the app moved to Web Crypto (Node's `createHash`): stored hashes must still match. */
const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('secret keys', () => {
  it('are stored as the SHA-256 hex of the key, the same hash as before', async () => {
    const { workspaceId, secretKey } = await createWorkspace(db, 'starter-monthly', now);
    expect(secretKey).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
    const rows = await db.query<{ key_hash: string }>('SELECT key_hash FROM secret_keys WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(rows).toEqual([{ key_hash: nodeSha256(secretKey) }]);
  });

  it('a key stored before (its hash made by Node, its text not ASCII) still finds its workspace', async () => {
    const { workspaceId } = await createWorkspace(db, 'starter-monthly', now);
    const oldKey = 'sk_olderKeyWithÜmlautAndEmoji😀';
    await db.query('INSERT INTO secret_keys (key_hash, workspace_id) VALUES ($1, $2)', [
      nodeSha256(oldKey),
      workspaceId,
    ]);
    expect(await workspaceOfSecretKey(db, oldKey)).toBe(workspaceId);
    expect(await workspaceOfSecretKey(db, 'sk_unknown')).toBeNull();
  });
});
