import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import { freshPgliteFolder } from '../support/test-server';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let holder: Server;
let takenPort: number;
const folders: string[] = [];

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen({ port: 0, host: '127.0.0.1' }, resolve));
  takenPort = (holder.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('a port another process holds', () => {
  it('startServer rejects with port_unavailable and lets the data folder go, so a start on a free port follows', async () => {
    const dataDir = freshPgliteFolder();
    folders.push(dataDir);
    const refused = await startServer({ port: takenPort, dataDir }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'port_unavailable', port: takenPort, host: '127.0.0.1' });
    expect((refused as Error).message).toBe(
      `Port ${takenPort} on 127.0.0.1 is already in use: stop what holds it, or give this server another --port.`,
    );

    const next = await startServer({ port: 0, dataDir });
    const health = await fetch(`${next.url}/v1/plans`);
    expect(health.status).toBe(401);
    await next.close();
  });

  it('the creditkit-server CLI exits 1 with that one line, no stack', async () => {
    const child = spawn(process.execPath, [cliPath, '--memory', '--port', String(takenPort)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `Port ${takenPort} on 127.0.0.1 is already in use: stop what holds it, or give this server another --port.\n`,
    });
  });
});
