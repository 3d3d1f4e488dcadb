import { randomUUID } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file that marks a PGlite data folder as taken, beside the database's own files. */
export const lockFileName = 'creditkit-server.lock';

/** Who holds a data folder: enough to tell a live holder from one that died without letting go. */
interface Holder {
  pid: number;
  host: string;
  /** When the holder took the folder, for the message a second server prints. */
  since: string;
  /** The kernel's start time of that process (Linux), so a recycled pid is not mistaken for the holder. */
  processStart: string | null;
}

/**
 * A second server was started on a data folder that a running server holds. PGlite has no locking of its
 * own: two processes on one folder each work on a private copy and one's acknowledged charges are lost.
 */
export class DataFolderInUseError extends Error {
  readonly code = 'data_folder_in_use';
  constructor(
    readonly folder: string,
    readonly holder: Holder | null,
  ) {
    super(DataFolderInUseError.describe(folder, holder));
  }

  private static describe(folder: string, holder: Holder | null): string {
    const lock = join(folder, lockFileName);
    if (holder === null) return `The data folder ${folder} is contended by other servers starting; try again.`;
    const who = `process ${holder.pid} on ${holder.host}, since ${holder.since}`;
    if (holder.host !== hostname()) {
      // A holder on another machine (a shared folder, or a container since recreated) cannot be checked.
      return (
        `The data folder ${folder} is in use by another creditkit server: ${who}, which this machine cannot ` +
        `check. Stop that server first; if it is gone (its machine or container no longer exists), delete ${lock}.`
      );
    }
    return (
      `The data folder ${folder} is in use by another creditkit server: ${who}. Stop that server first, ` +
      'or give this one another --data folder.'
    );
  }
}

/** The lock's place in the data folder holds something other than a lock file (a directory, a link). */
export class DataFolderLockUnusableError extends Error {
  readonly code = 'data_folder_lock_unusable';
  constructor(readonly path: string) {
    super(`${path} is not a lock file (a directory or a link?). Remove it, then start the server again.`);
  }
}

/** Field 22 of /proc/<pid>/stat, the process's start time; null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  // A holder on another machine (a shared network folder) cannot be checked from here: assume it lives.
  if (holder.host !== hostname()) return true;
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function isHolder(value: unknown): value is Holder {
  const holder = value as Partial<Holder> | null;
  return (
    typeof holder === 'object' &&
    holder !== null &&
    typeof holder.pid === 'number' &&
    typeof holder.host === 'string' &&
    typeof holder.since === 'string' &&
    (holder.processStart === null || typeof holder.processStart === 'string')
  );
}

/** The lock file's text and holder; null when there is none. Anything not a regular file is refused. */
function readHolder(path: string): { text: string; holder: Holder } | null {
  let text: string;
  try {
    if (!lstatSync(path).isFile()) throw new DataFolderLockUnusableError(path);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let holder: unknown;
  try {
    holder = JSON.parse(text);
  } catch {
    holder = null;
  }
  // Not a lock this server wrote (damaged, or something else): nobody can be holding the folder through it.
  if (!isHolder(holder)) return { text, holder: { pid: 0, host: hostname(), since: 'unknown', processStart: null } };
  return { text, holder };
}

/** A takeover takes microseconds; a takeover mark older than this was left by a process that died in one. */
const staleTakeoverMs = 10_000;

/**
 * Removes a dead holder's lock, one process at a time: the takeover mark (a directory, created atomically)
 * admits one process, which reads the lock again and removes it only if it is still the dead holder's. So
 * a live lock, taken by another server meanwhile, is never removed, and two servers never both hold it.
 */
function clearStaleLock(path: string, staleText: string): void {
  const mark = `${path}.takeover`;
  try {
    mkdirSync(mark);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over right now, or died doing it long ago: then the mark goes.
    try {
      if (Date.now() - statSync(mark).mtimeMs > staleTakeoverMs) rmdirSync(mark);
    } catch (gone) {
      if ((gone as NodeJS.ErrnoException).code !== 'ENOENT') throw gone;
    }
    return;
  }
  try {
    if (readHolder(path)?.text === staleText) unlinkSync(path);
  } finally {
    rmdirSync(mark);
  }
}

/**
 * Creates the lock file with its whole content in one step (a link to a file already written), so no
 * other process ever reads a lock half-written; false when one is there already.
 */
function createWhole(path: string, text: string): boolean {
  const draft = `${path}.${randomUUID()}`;
  writeFileSync(draft, text, { mode: 0o600 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Takes a data folder for this process, or throws `DataFolderInUseError` naming the holder. A lock left by
 * a process that died (SIGKILL, a crash, a power cut) does not block: its holder is checked and found gone.
 * Returns the release, which the server calls once the database is closed.
 */
/** Enough for any honest race (each round either takes the lock or clears a dead one); bounded all the same. */
const maxAttempts = 20;

export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, lockFileName);
  const ours = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStart(process.pid),
    // Two locks never read the same, so a takeover can tell a new holder's lock from the dead one's.
    nonce: randomUUID(),
  });
  for (let attempt = 0; !createWhole(path, ours); attempt++) {
    const found = readHolder(path);
    // Gone meanwhile: try again. Still held after many tries: the folder is contended; say by whom.
    if (found === null && attempt < maxAttempts) continue;
    if (found === null || isAlive(found.holder) || attempt >= maxAttempts) {
      throw new DataFolderInUseError(folder, found?.holder ?? null);
    }
    clearStaleLock(path, found.text);
  }
  const release = () => {
    process.removeListener('exit', release);
    if (readHolder(path)?.text === ours) unlinkSync(path);
  };
  // A process that exits without closing the server (an uncaught error) still lets go of the folder.
  process.once('exit', release);
  return release;
}
