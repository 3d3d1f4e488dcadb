import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { waitTimeoutMs } from './timeouts';

/**
 * A throwaway PostgreSQL for tests, started from Debian's server binaries into a temporary folder, so a test
 * never depends on (or disturbs) a cluster somebody else runs. Three ways to use it:
 * - `startPostgres()` starts a cluster of its own and returns `{ url, stop }`;
 * - `postgresForTests()` in a `beforeAll`: a fresh database in the cluster a global setup provided, or else
 *   a cluster of its own;
 * - this file as a vitest `globalSetup` (its default export) starts one cluster for the whole run.
 */
export interface ThrowawayPostgres {
  /** A connection string for a superuser, e.g. `postgres://creditkit@127.0.0.1:41234/postgres`. */
  url: string;
  /** Stops the server and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** The charge tests run 64+ clients against a server whose pool is 16; leave room for several servers. */
  maxConnections?: number;
}

declare module 'vitest' {
  interface ProvidedContext {
    /** Set by this file's global setup: the cluster every test file makes its own database in. */
    creditkitPostgresUrl?: string;
  }
}

const run = promisify(execFile);
const superuser = 'creditkit';
/** Debian 12's PostgreSQL 15; `CREDITKIT_PG_BIN` points elsewhere (another version, another distribution). */
const binDir = process.env.CREDITKIT_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const installHint =
  'Install them (Debian 12): `apt-get update && apt-get install -y postgresql` (or set CREDITKIT_PG_BIN ' +
  'to a folder holding initdb and pg_ctl). The PostgreSQL tests never skip: they are the only ones that ' +
  'exercise concurrent charges on a real multi-connection database.';

function requireBinaries(): { initdb: string; pgCtl: string } {
  const initdb = join(binDir, 'initdb');
  const pgCtl = join(binDir, 'pg_ctl');
  for (const binary of [initdb, pgCtl]) {
    if (!existsSync(binary)) throw new Error(`PostgreSQL server binary not found: ${binary}. ${installHint}`);
  }
  return { initdb, pgCtl };
}

/**
 * initdb and the server refuse to run as root, so as root they run as the `postgres` user Debian's package
 * creates; anyone else runs them directly.
 */
function serverAccount(): { uid: number; gid: number; wrap: (command: string, args: string[]) => [string, string[]] } {
  const ownUid = process.getuid?.() ?? -1;
  if (ownUid !== 0) return { uid: -1, gid: -1, wrap: (command, args) => [command, args] };
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) throw new Error(`Running as root, but there is no "postgres" user to run PostgreSQL as. ${installHint}`);
  return {
    uid: Number(entry[2]),
    gid: Number(entry[3]),
    wrap: (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]],
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function describeFailure(error: unknown, logFile: string): string {
  const output = error as { stderr?: string; stdout?: string; message?: string };
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
  return [output.message, output.stderr, output.stdout, log && `server log:\n${log}`].filter(Boolean).join('\n');
}

/** Starts a PostgreSQL of its own on 127.0.0.1 and a free port, with fsync on; resolves once it takes connections. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const { initdb, pgCtl } = requireBinaries();
  const account = serverAccount();
  const home = mkdtempSync(join(tmpdir(), 'creditkit-pg-'));
  if (account.uid >= 0) chownSync(home, account.uid, account.gid);
  const dataDir = join(home, 'data');
  const logFile = join(home, 'server.log');
  const exec = (command: string, args: string[]) => {
    const [file, argv] = account.wrap(command, args);
    // The server account may not be able to enter the caller's working directory.
    return run(file, argv, { cwd: home, env: { ...process.env, LC_ALL: 'C' } });
  };

  try {
    // --no-sync only skips initdb's final flush: the folder is thrown away if the machine dies during a test.
    await exec(initdb, ['-D', dataDir, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`initdb failed: ${describeFailure(error, logFile)}`);
  }

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    // Settings go in the file, not through `pg_ctl -o`, which a shell would split on spaces in the path.
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `max_connections = ${options.maxConnections ?? 200}`,
        // Durable commits, as in production: a charge's lock is held through its commit's flush, which is
        // part of what the concurrency rounds measure. Explicit so a tuned default can't turn them off.
        'fsync = on',
        'synchronous_commit = on',
        // The socket lives in our folder so two clusters (or Debian's own) never collide on /var/run/postgresql.
        `unix_socket_directories = '${home}'`,
        '',
      ].join('\n'),
    );
    try {
      await exec(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', String(waitTimeoutMs / 1000), 'start']);
      break;
    } catch (error) {
      // Another process may take the probed port between the probe and the start: try another one.
      if (attempt < 3 && /could not (bind|create)|already in use/i.test(describeFailure(error, logFile))) continue;
      rmSync(home, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${describeFailure(error, logFile)}`);
    }
  }

  const stopSync = () => {
    const [file, argv] = account.wrap(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    try {
      execFileSync(file, argv, { cwd: home, stdio: 'ignore' });
    } catch {
      // Already stopped: nothing to do but remove the folder.
    }
    rmSync(home, { recursive: true, force: true });
  };
  // A test process that dies without its afterAll must not leave a server running behind it.
  process.once('exit', stopSync);

  const url = `postgres://${superuser}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      try {
        await untilClientsLeave(url);
        await exec(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}

/**
 * pg's `Pool.end()` resolves before its sockets have closed; stopping the server then makes each closing
 * connection emit "terminating connection due to administrator command" with no listener left, an uncaught
 * error in the test. So stop waits (briefly) until the cluster sees no other client.
 */
async function untilClientsLeave(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ others: number }>(
        `SELECT count(*)::int AS others FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if ((rows[0]?.others ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/** Creates an empty database in the cluster at `clusterUrl` and returns its connection string. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * For a `beforeAll`: a fresh database of this test file's own, in the cluster the global setup started if
 * there is one (dropped again by `stop`), else in a cluster started for this file alone.
 */
export async function postgresForTests(): Promise<ThrowawayPostgres> {
  const shared = inject('creditkitPostgresUrl');
  if (shared === undefined) return startPostgres();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(shared, name);
  return {
    url,
    async stop() {
      const client = new pg.Client({ connectionString: shared });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** vitest `globalSetup`: one cluster for the whole run, handed to the test files through `inject`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('creditkitPostgresUrl', cluster.url);
  return () => cluster.stop();
}
