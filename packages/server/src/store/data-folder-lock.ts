import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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
    readonly holder: Holder,
  ) {
    super(
      `The data folder ${folder} is in use by another creditkit server: process ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}. Stop that server first, or give this one another --data folder.`,
    );
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

function readHolder(path: string): { text: string; holder: Holder } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { text, holder: JSON.parse(text) as Holder };
  } catch {
    // Not a lock this server wrote (damaged): nobody can be holding the folder through it.
    return { text, holder: { pid: 0, host: hostname(), since: 'unknown', processStart: null } };
  }
}

/**
 * Moves a dead holder's lock aside. The move is atomic, and what was moved is checked: if another server
 * took the folder between our read and our move, its lock goes back where it was.
 */
function clearStaleLock(path: string, staleText: string): void {
  const aside = `${path}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, path);
  } finally {
    unlinkSync(aside);
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
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, lockFileName);
  const ours = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStart(process.pid),
  } satisfies Holder);
  for (let attempt = 0; ; attempt++) {
    if (createWhole(path, ours)) break;
    const found = readHolder(path);
    if (found === null) continue;
    if (isAlive(found.holder) || attempt >= 3) throw new DataFolderInUseError(folder, found.holder);
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
