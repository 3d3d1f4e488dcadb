import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitTimeoutMs } from './timeouts';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Children still running, killed after each test so a failed assertion never leaves a server behind. */
const running = new Set<ChildProcess>();

/** SIGKILLs every server this file started that is still running (for an `afterEach`). */
export function killServerProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  workspaceId: string;
  secretKey: string;
  exited: Promise<number | null>;
  /** Resolves with everything printed so far once the output matches `pattern` (a drain's progress, say). */
  printed(pattern: RegExp, what: string): Promise<string>;
}

export interface SpawnOptions {
  /** Added to the environment the test runs in, e.g. `CREDITKIT_SESSION_SECRET`. */
  env?: Record<string, string>;
}

/**
 * Starts the built `creditkit-server --dev` in a child process and resolves once it has printed its address and
 * the demo workspace's key; rejects with everything it printed if it exits first.
 */
export async function spawnServer(args: readonly string[], options: SpawnOptions = {}): Promise<ServerProcess> {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: build the server first (pnpm --filter @creditkit/server build).`);
  }
  const child = spawn(process.execPath, [cliPath, '--dev', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const printed = (pattern: RegExp, what: string) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        if (!pattern.test(output)) return false;
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        clearTimeout(timer);
        resolve(output);
        return true;
      };
      const onData = () => void look();
      const timer = setTimeout(
        () => reject(new Error(`the server did not print ${what} within ${waitTimeoutMs / 1000} s:\n${output}`)),
        waitTimeoutMs,
      );
      if (look()) return;
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${waitTimeoutMs / 1000} s:\n${output}`));
    }, waitTimeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const demo = /dev mode: demo workspace ([^,\s]+), admin secret key (sk_\S+)/.exec(output);
      if (url && demo?.[1] && demo[2]) {
        clearTimeout(timer);
        resolve({ child, url, workspaceId: demo[1], secretKey: demo[2], exited, printed });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
}
