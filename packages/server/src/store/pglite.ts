import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './data-folder-lock';
import type { Database } from './database';

/**
 * The embedded database: PGlite in this process, on a data folder or in memory. It has one connection,
 * so transactions run one at a time, which is also what makes each charge atomic here. A data folder is
 * taken for this process alone first: PGlite does not lock it, and a second process would write over it.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir === undefined ? () => undefined : lockDataFolder(dataDir);
  let db: PGlite;
  try {
    db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, params as unknown[])).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
      unlock();
    },
  };
}
