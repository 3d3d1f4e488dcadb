import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './data-folder-lock';
import type { Database } from './database';
import { pgliteDatabase } from './pglite-database';

/**
 * The embedded database of a Node server: PGlite in this process, on a data folder or in memory. A data folder
 * is taken for this process alone first: PGlite does not lock it, and a second process would write over it.
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
  return pgliteDatabase(db, unlock);
}
