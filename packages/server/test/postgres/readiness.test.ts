import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * What a balancer reads: liveness never asks the database, so an outage does not get every instance restarted;
 * readiness turns 503 when the database does not answer within its bound or lacks a migration, and back to 200
 * once it does.
 */

let postgres: ThrowawayPostgres;
let server: RunningServer;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, databaseUrl: postgres.url });
});
afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

const readiness = async () => {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { code?: string; status: unknown } };
};

describe('GET /healthz and GET /readyz', () => {
  it('answer 200 with no credential', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('readiness is 503 database_unavailable while the database does not answer, liveness stays 200', async () => {
    // The readiness query reads the migrations table: a lock on it makes the database not answer.
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE');
      const unready = await readiness();
      expect(unready.status).toBe(503);
      expect(unready.body).toMatchObject({ status: 503, code: 'database_unavailable' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await readiness()).status).toBe(200);
  });

  it('readiness is 503 migrations_missing for a database that lacks one, until it is back', async () => {
    const [removed] = await server.db.query<{ version: number; applied_at: Date }>(
      'DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations) RETURNING *',
    );
    try {
      const unready = await readiness();
      expect(unready.status).toBe(503);
      expect(unready.body).toMatchObject({ code: 'migrations_missing' });
    } finally {
      await server.db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        removed?.version,
        removed?.applied_at,
      ]);
    }
    expect((await readiness()).status).toBe(200);
  });
});
