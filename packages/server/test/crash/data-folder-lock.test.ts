import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import { DataFolderInUseError, lockFileName } from '../../src/store/data-folder-lock';
import { killServerProcesses, type ServerProcess, spawnServer } from '../support/server-process';

/*
 * PGlite does not lock its data folder: two processes on one folder each work on a private copy, and one's
 * acknowledged charges are lost when both stop. The server takes the folder for itself alone.
 */

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'creditkit-lock-'));
  folders.push(folder);
  return folder;
}

/** What a started server's own secret key reads as its balance: proof that it answers on its data. */
async function spendable(server: ServerProcess): Promise<number> {
  const response = await fetch(`${server.url}/v1/balance`, {
    headers: { authorization: `Bearer ${server.secretKey}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { spendable: number }).spendable;
}

afterEach(() => killServerProcesses());
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('A PGlite data folder belongs to one server process', () => {
  it('a second creditkit-server on the folder exits non-zero, naming the folder and the process that holds it', async () => {
    const folder = freshFolder();
    const first = await spawnServer(['--data', folder]);
    const second = await spawnServer(['--data', folder]).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(second).toMatch(/exited \(1\)/);
    expect(second).toContain(`The data folder ${folder} is in use`);
    expect(second).toContain(`process ${first.child.pid}`);
    expect(await spendable(first)).toBeGreaterThan(0);
  }, 180_000);

  it('of two servers started together on one empty folder, exactly one comes up', async () => {
    const folder = freshFolder();
    const results = await Promise.allSettled([spawnServer(['--data', folder]), spawnServer(['--data', folder])]);
    const started = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('is in use by another creditkit server');
  }, 180_000);

  it('a lock left by a server killed with SIGKILL does not block the next start, which finds the data', async () => {
    const folder = freshFolder();
    const first = await spawnServer(['--data', folder]);
    const before = await spendable(first);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(folder, lockFileName))).toBe(true);
    const next = await spawnServer(['--data', folder]);
    expect(next.workspaceId).toBe(first.workspaceId);
    expect(await spendable(next)).toBe(before);
  }, 180_000);

  it('in one process too: a second startServer on the folder is refused until the first closes', async () => {
    const dataDir = freshFolder();
    const first = await startServer({ port: 0, dataDir });
    await expect(startServer({ port: 0, dataDir })).rejects.toBeInstanceOf(DataFolderInUseError);
    await first.close();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    const again = await startServer({ port: 0, dataDir });
    await again.close();
  }, 180_000);
});
