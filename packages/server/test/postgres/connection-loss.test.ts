import { createCreditClient } from '@creditkit/sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { waitTimeoutMs } from '../support/timeouts';

let postgres: ThrowawayPostgres;
let server: RunningServer;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
});
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

    const poolErrors = vi.spyOn(console, 'error');
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    // This database's connections only: the cluster is shared with the other PostgreSQL tests of the run.
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);

    // Asked again once the pool has seen every connection drop (however long a loaded machine takes), not
    // after a fixed pause that may end before the first of them is noticed.
    await vi.waitFor(
      () => {
        const lost = poolErrors.mock.calls.filter(([message]) =>
          String(message).startsWith('PostgreSQL connection lost'),
        );
        expect(lost).toHaveLength(rowCount ?? 0);
      },
      { timeout: waitTimeoutMs, interval: 20 },
    );
    poolErrors.mockRestore();
    expect((await client.balance.retrieve()).spendable).toBe(2000);
  });
});
