import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { migrate } from '../../src/store/migrate';
import { openPostgres } from '../../src/store/postgres';
import { createDatabase, postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * Several instances of a deployment start at the same moment against one PostgreSQL that has never seen
 * creditkit (a fresh deploy). Each must come up: the schema is created once, by whichever gets there first.
 */

const attempts = 4;
const instances = 4;

let postgres: ThrowawayPostgres;
/** Every version of the schema, as one instance alone applies them to an empty database. */
let allVersions: number[];

beforeAll(async () => {
  postgres = await postgresForTests();
  const alone = await openPostgres(
    await createDatabase(postgres.url, `startup_alone_${randomBytes(4).toString('hex')}`),
  );
  try {
    allVersions = await migrate(alone);
  } finally {
    await alone.close();
  }
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
        // Each migration once, whichever instance applied it: what one instance alone applies, no more.
        expect(versions.map((row) => row.version).sort((a, b) => a - b)).toEqual(allVersions);
        for (const server of running) expect((await fetch(`${server.url}/v1/plans`)).status).toBe(401);
      } finally {
        await Promise.all(running.map((server) => server.close()));
      }
    }
  });
});
