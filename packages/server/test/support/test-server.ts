import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { type RunningServer, type StartOptions, startServer } from '../../src/server';
import { migrate } from '../../src/store/migrate';
import { openPglite } from '../../src/store/pglite';

declare module 'vitest' {
  interface ProvidedContext {
    /** Set by this file's global setup: a PGlite data folder with every migration applied. */
    creditkitPgliteTemplate?: string;
  }
}

const removeFolder = (folder: string) => rmSync(folder, { recursive: true, force: true });

/**
 * vitest `globalSetup`: creates one migrated PGlite data folder for the whole run. Creating a PGlite
 * database costs seconds of CPU (several on a loaded runner); opening a copy of one costs a fraction of a
 * second, so each test file's server starts from a copy instead of from nothing.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'creditkit-pglite-template-'));
  const db = await openPglite(folder);
  await migrate(db);
  await db.close();
  project.provide('creditkitPgliteTemplate', folder);
  return () => removeFolder(folder);
}

/**
 * A PGlite data folder of this test's own, holding the schema and nothing else: a copy of the global
 * setup's template (or an empty folder, which the server creates, when a test runs without it). The
 * caller removes it.
 */
export function freshPgliteFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'creditkit-test-'));
  const template = inject('creditkitPgliteTemplate');
  if (template !== undefined) cpSync(template, folder, { recursive: true });
  return folder;
}

/** A dev-mode server on an ephemeral port and a fresh PGlite data folder, deleted again on close. */
export async function startTestServer(
  options: Omit<StartOptions, 'dataDir' | 'databaseUrl'> = {},
): Promise<RunningServer> {
  const dataDir = freshPgliteFolder();
  try {
    const server = await startServer({ port: 0, dev: true, ...options, dataDir });
    return {
      ...server,
      async close() {
        await server.close();
        removeFolder(dataDir);
      },
    };
  } catch (error) {
    removeFolder(dataDir);
    throw error;
  }
}
