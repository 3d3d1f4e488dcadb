import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createDatabase, postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * Several instances of a deployment start at the same moment against one PostgreSQL that has never seen
 * creditkit (a fresh deploy). Each must come up: the schema is created once, by whichever gets there first.
 */

/** Every migration the store has, by the number its file starts with: a new one needs no change here. */
const migrationVersions = readdirSync(new URL('../../src/store/migrations/', import.meta.url))
  .map((file) => Number(/^(\d+)-/.exec(file)?.[1]))
  .sort((a, b) => a - b);

const attempts = 4;
const instances = 4;

let postgres: ThrowawayPostgres;

beforeAll(async () => {
  postgres = await postgresForTests();
});
afterAll(() => postgres?.stop());

describe('Instances started together on an empty PostgreSQL', () => {
  it(`all come up and migrate once (${attempts} fresh databases × ${instances} instances)`, async () => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const databaseUrl = await createDatabase(postgres.url, `startup_${randomBytes(4).toString('hex')}`);
      const started = await Promise.allSettled(
        Array.from({ length: instances }, () => startServer({ port: 0, databaseUrl })),
      );
      const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const failures = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      try {
        expect(failures).toEqual([]);
        const [first] = running as [RunningServer];
        const versions = await first.db.query<{ version: number }>('SELECT version FROM schema_migrations');
        expect(versions.map((row) => row.version).sort((a, b) => a - b)).toEqual(migrationVersions);
        for (const server of running) expect((await fetch(`${server.url}/v1/plans`)).status).toBe(401);
      } finally {
        await Promise.all(running.map((server) => server.close()));
      }
    }
  });
});
