import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import {
  DataFolderInUseError,
  DataFolderLockUnusableError,
  lockDataFolder,
  lockFileName,
} from '../../src/store/data-folder-lock';
import { killServerProcesses, type ServerProcess, spawnServer } from '../support/server-process';

/*
 * PGlite does not lock its data folder: two processes on one folder each work on a private copy, and one's
 * acknowledged charges are lost when both stop. The server takes the folder for itself alone.
 */

const contenderPath = fileURLToPath(new URL('../support/lock-contender.ts', import.meta.url));
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
  });

  it('of two servers started together on one empty folder, exactly one comes up', async () => {
    const folder = freshFolder();
    const results = await Promise.allSettled([spawnServer(['--data', folder]), spawnServer(['--data', folder])]);
    const started = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('is in use by another creditkit server');
  });

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
  });

  it('in one process too: a second startServer on the folder is refused until the first closes', async () => {
    const dataDir = freshFolder();
    const first = await startServer({ port: 0, dataDir });
    await expect(startServer({ port: 0, dataDir })).rejects.toBeInstanceOf(DataFolderInUseError);
    await first.close();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    const again = await startServer({ port: 0, dataDir });
    await again.close();
  });
});

/** Runs contenders for one folder, `parallel` at a time, until `total` have held it; returns what each said. */
async function contend(folder: string, total: number, parallel: number): Promise<string[]> {
  const holders = mkdtempSync(join(tmpdir(), 'creditkit-holders-'));
  folders.push(holders);
  const said: string[] = [];
  let started = 0;
  const contender = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      const child = spawn(process.execPath, ['--import', 'tsx', contenderPath, folder, holders], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await new Promise((resolve) => child.once('close', resolve));
      said.push(output.trim());
    }
  };
  await Promise.all(Array.from({ length: parallel }, contender));
  return said;
}

describe('Contenders racing over stale locks', () => {
  it('never hold the folder two at a time', async () => {
    const said = await contend(freshFolder(), 60, 8);
    expect(said.filter((line) => line !== 'held alone')).toEqual([]);
  });

  it('a lock that is a dangling link or a directory is refused with what to do, at once', () => {
    const linked = freshFolder();
    symlinkSync('/nonexistent', join(linked, lockFileName));
    expect(() => lockDataFolder(linked)).toThrow(DataFolderLockUnusableError);
    const directory = freshFolder();
    mkdirSync(join(directory, lockFileName));
    expect(() => lockDataFolder(directory)).toThrow(/is not a lock file/);
  });

  it.each(['null', '{}', '[1]', 'not json'])('a lock file holding %s is taken over', (text) => {
    const folder = freshFolder();
    writeFileSync(join(folder, lockFileName), text);
    lockDataFolder(folder)();
  });
});
