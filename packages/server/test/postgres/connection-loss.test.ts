import { createCreditClient } from '@creditkit/sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

let postgres: ThrowawayPostgres;
let server: RunningServer;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
}, 60_000);
afterAll(async () => {
  await server.close();
  await postgres.stop();
});

describe('PostgreSQL connections', () => {
  it('survives the database dropping its idle connections, and keeps answering', async () => {
    const response = await fetch(`${server.url}/v1/dev/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ planId: 'starter-monthly' }),
    });
    const { secretKey } = (await response.json()) as { secretKey: string };
    const client = createCreditClient({ baseUrl: server.url, apiKey: secretKey });
    expect((await client.balance.retrieve()).spendable).toBe(2000);

    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await client.balance.retrieve()).spendable).toBe(2000);
  });
});
