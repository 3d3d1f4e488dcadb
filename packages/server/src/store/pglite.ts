import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './data-folder-lock';
import type { Database } from './database';
import { pgliteDatabase } from './pglite-database';

/**
 * PostgreSQL's defaults reserve 128 MB of shared buffers inside PGlite's WebAssembly memory, which a process that
 * is its database's only user does not need: its tables are in this process's memory or the OS's file cache anyway.
 * Idle RSS about 130 MB lower (`pnpm bench` prints it); pages past 16 MB are copied in from PGlite's file system.
 */
export const pgliteSettings = ['shared_buffers = 16MB'];

/**
 * Creating a database (a new data folder, or every in-memory start) runs initdb in WebAssembly instances of its
 * own, about 270 MB that become garbage once the database is open. V8 frees them only in a full collection, which
 * an idle server may never run, so one is asked for once they are unreachable (a moment after opening).
 */
const collectAfterOpeningMs = 2_000;

function collectGarbageSoon(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  setTimeout(collect, collectAfterOpeningMs).unref();
}

/**
 * The embedded database of a Node server: PGlite in this process, on a data folder or in memory. A data folder
 * is taken for this process alone first: PGlite does not lock it, and a second process would write over it.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir === undefined ? () => undefined : lockDataFolder(dataDir);
  let db: PGlite;
  try {
    db = new PGlite({ ...(dataDir === undefined ? {} : { dataDir }), postgresqlconf: pgliteSettings });
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  collectGarbageSoon();
  return pgliteDatabase(db, unlock);
}
