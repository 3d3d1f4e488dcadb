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
}

/**
 * Starts the built `creditkit-server --dev` in a child process and resolves once it has printed its address and
 * the demo workspace's key; rejects with everything it printed if it exits first.
 */
export async function spawnServer(storage: readonly string[]): Promise<ServerProcess> {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: build the server first (pnpm --filter @creditkit/server build).`);
  }
  const child = spawn(process.execPath, [cliPath, '--dev', '--port', '0', ...storage], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
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
        resolve({ child, url, workspaceId: demo[1], secretKey: demo[2], exited });
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
