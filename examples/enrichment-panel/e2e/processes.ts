import { type ChildProcess, spawn } from 'node:child_process';
import { waitTimeoutMs } from './timeouts';

export interface StartedProcess {
  child: ChildProcess;
  /** The match of `ready` in the line that said the process is up. */
  ready: RegExpExecArray;
  stop(): Promise<void>;
}

/**
 * Runs `node args` and resolves once a line of its output matches `ready`. Its output is kept so a process
 * that exits or hangs before it is ready fails with what it said.
 */
export function startNode(args: string[], ready: RegExp, timeoutMs = waitTimeoutMs): Promise<StartedProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready after ${timeoutMs} ms: node ${args.join(' ')}\n${output.join('')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      for (const line of chunk.toString().split('\n')) {
        const match = ready.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve({ child, ready: match, stop });
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${signal ?? code}) before it was ready: node ${args.join(' ')}\n${output.join('')}`));
    });
  });
}
