import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/postgres';
import { reconcile } from '../../src/store/reconcile';
import { startDeployment } from '../support/instances';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { killServerProcesses, type ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

/*
 * An instance leaving a deployment on SIGTERM (a rolling deploy, a scale-in): readiness turns 503 at once so the
 * balancer sends no more, the listener closes (after the drain delay), the requests in flight finish with their
 * answers, event streams end so their clients reconnect to another instance, and only then does the process exit.
 * A charge acknowledged during the drain is in the ledger afterwards.
 */

let postgres: ThrowawayPostgres;

beforeAll(async () => {
  postgres = await postgresForTests();
});
afterEach(killServerProcesses);
afterAll(() => postgres?.stop());

const charge = (instance: ServerProcess, recordId: string) =>
  fetch(`${instance.url}/v1/charges`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${instance.secretKey}`,
      'content-type': 'application/json',
      'idempotency-key': `drain-${recordId}`,
    },
    body: JSON.stringify({ actionId: 'find-work-email', workbookId: 'wb_drain', recordId, field: 'email' }),
  });

/** True once a new connection to the instance is refused: its listener is closed. */
const refusesConnections = (instance: ServerProcess) =>
  fetch(`${instance.url}/healthz`).then(
    () => false,
    (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED',
  );

/** An open event stream of the instance's demo workspace, read to its end in the background. */
async function openEventStream(instance: ServerProcess): Promise<{ ended: Promise<string> }> {
  const response = await fetch(`${instance.url}/v1/events`, {
    headers: { authorization: `Bearer ${instance.secretKey}` },
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The first comment says the stream is subscribed.
  while (!text.includes(': connected')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended before it was subscribed');
    text += decoder.decode(value, { stream: true });
  }
  const ended = (async () => {
    for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value);
    return text;
  })();
  return { ended };
}

describe('SIGTERM on an instance of a deployment', () => {
  it('finishes the charge in flight with its answer, refuses new connections, ends event streams, then exits 0', async () => {
    const {
      instances: [instance],
    } = await startDeployment(postgres.url, 1);
    if (!instance) throw new Error('no instance');
    const stream = await openEventStream(instance);
    const ledger = await openPostgres(postgres.url, 2);
    // The test holds the workspace's row lock, which every charge takes first: the charge waits in flight.
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [instance.workspaceId]);
      const inFlight = charge(instance, 'r_in_flight');
      await waitUntil(async () => {
        const { rows } = await holder.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        return (rows[0]?.waiting ?? 0) > 0;
      }, 'the charge to wait on the workspace row lock');

      instance.child.kill('SIGTERM');
      await instance.printed(/SIGTERM:/, 'that it stops');
      await waitUntil(() => refusesConnections(instance), 'new connections to be refused');
      // The stream ended by itself (the client would reconnect elsewhere with its Last-Event-ID).
      await stream.ended;
      // Still draining: the charge is waiting, and the process is alive.
      expect(instance.child.exitCode).toBeNull();

      await holder.query('ROLLBACK');
      const answer = await inFlight;
      expect(answer.status).toBe(201);
      // The client does not keep a connection to an instance that is leaving.
      expect(answer.headers.get('connection')).toBe('close');
      const acknowledged = (await answer.json()) as { id: string; credits: number };
      expect(await instance.exited).toBe(0);

      const [stored] = await ledger.query<{ id: string; credits: number }>(
        'SELECT id, credits FROM charges WHERE id = $1',
        [acknowledged.id],
      );
      expect(stored?.id).toBe(acknowledged.id);
      expect(await reconcile(ledger, instance.workspaceId)).toEqual([]);
    } finally {
      await holder.end();
      await ledger.close();
    }
  });

  it('answers /readyz 503 draining during the drain delay while it still serves, and a second SIGTERM ends the delay', async () => {
    const {
      instances: [instance],
    } = await startDeployment(postgres.url, 1, ['--drain-delay', '10m']);
    if (!instance) throw new Error('no instance');
    const ready = await fetch(`${instance.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const stream = await openEventStream(instance);

    instance.child.kill('SIGTERM');
    await instance.printed(/SIGTERM: draining/, 'that it drains');
    const draining = await fetch(`${instance.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(draining.headers.get('content-type')).toContain('application/problem+json');
    expect(await draining.json()).toMatchObject({ status: 503, code: 'draining' });
    // Alive, and still serving what the balancer sends before it notices: with Connection: close.
    expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
    const late = await charge(instance, 'r_during_delay');
    expect(late.status).toBe(201);
    expect(late.headers.get('connection')).toBe('close');

    instance.child.kill('SIGTERM');
    await stream.ended;
    expect(await instance.exited).toBe(0);
  });
});
