import { type CreditEvent, createCreditClient } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { schemaVersions } from '../../src/store/migrate';
import { openPostgres } from '../../src/store/postgres';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startDeployment } from '../support/instances';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { killServerProcesses, type ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

/*
 * The scale-out deployment: two `creditkit-server` processes on one PostgreSQL, started together on an empty
 * database, with one session secret, as a balancer would use them. Whichever instance a request reaches, the
 * limits and the balance are the database's: charges sent through both at once never pass them, and the ledger
 * reconciles. An event of a change made on one reaches a subscriber of the other. (Each webhook delivery is sent
 * once by one of several instances: test/postgres/webhook-instances.test.ts.)
 */

let postgres: ThrowawayPostgres;
let instances: ServerProcess[];
let db: Database;

beforeAll(async () => {
  postgres = await postgresForTests();
  ({ instances } = await startDeployment(postgres.url, 2));
  db = await openPostgres(postgres.url, 2);
});
afterAll(async () => {
  killServerProcesses();
  await Promise.all(instances?.map((instance) => instance.exited) ?? []);
  await db?.close();
  await postgres?.stop();
});

const [first, second] = [() => instances[0] as ServerProcess, () => instances[1] as ServerProcess];

interface Answer {
  status: number;
  code?: string;
}

/** `count` charges of one action on new records, sent through every instance at once, `perInstance` at a time. */
async function chargeThroughAll(secretKey: string, body: Record<string, string>, count: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const perInstance = 6;
  await Promise.all(
    instances.flatMap((instance) =>
      Array.from({ length: perInstance }, async () => {
        for (let index = next++; index < count; index = next++) {
          const response = await fetch(`${instance.url}/v1/charges`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...body, recordId: `r_${index}` }),
          });
          const answer = (await response.json()) as { code?: string };
          answers.push({ status: response.status, ...(answer.code && { code: answer.code }) });
        }
      }),
    ),
  );
  return answers;
}

const tally = (answers: Answer[]) =>
  answers.reduce<Record<string, number>>((counts, { status, code }) => {
    const key = code ? `${status} ${code}` : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

describe('two instances on one PostgreSQL', () => {
  it('both start at once on an empty database: the schema is created once, and both are ready', async () => {
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(schemaVersions);
    for (const instance of instances) {
      const ready = await fetch(`${instance.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });

  it('hold a workbook limit across both: charges through both at once never pass it, and the ledger reconciles', async () => {
    const { workspaceId, secretKey } = await createDevWorkspace(first().url, 'starter-monthly');
    const admin = createCreditClient({ baseUrl: second().url, apiKey: secretKey });
    await admin.spendLimits.update({ workbookId: 'wb_shared' }, { enabled: true, limit: 25 });
    const before = await admin.balance.retrieve();

    // find-work-email costs 1 credit: 60 charges against a limit of 25.
    const answers = await chargeThroughAll(
      secretKey,
      { actionId: 'find-work-email', workbookId: 'wb_shared', field: 'email' },
      60,
    );
    expect(tally(answers)).toEqual({ 201: 25, '402 workbook_limit_reached': 35 });

    const viaFirst = createCreditClient({ baseUrl: first().url, apiKey: secretKey });
    expect(await viaFirst.spendLimits.retrieve({ workbookId: 'wb_shared' })).toMatchObject({
      limit: 25,
      spent: 25,
      remaining: 0,
    });
    expect((await viaFirst.balance.retrieve()).spendable).toBe(before.spendable - 25);
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });

  it('hold the balance across both: charges through both at once spend it to 0 and never below', async () => {
    // The free plan grants 100 credits; enrich-person costs 2: 80 charges ask for 160.
    const { workspaceId, secretKey } = await createDevWorkspace(second().url, 'free');
    const answers = await chargeThroughAll(
      secretKey,
      { actionId: 'enrich-person', workbookId: 'wb', field: 'person' },
      80,
    );
    expect(tally(answers)).toEqual({ 201: 50, '402 insufficient_credits': 30 });
    for (const instance of instances) {
      const balance = await createCreditClient({ baseUrl: instance.url, apiKey: secretKey }).balance.retrieve();
      expect(balance.spendable).toBe(0);
    }
    expect(await reconcile(db, workspaceId)).toEqual([]);
  });

  it('deliver an event of a charge made through one to a subscriber of the other', async () => {
    const { secretKey } = await createDevWorkspace(first().url);
    const received: CreditEvent[] = [];
    let opened = false;
    const unsubscribe = createCreditClient({ baseUrl: second().url, apiKey: secretKey }).events.subscribe(
      (event) => received.push(event),
      { onOpen: () => (opened = true) },
    );
    try {
      await waitUntil(() => opened, 'the subscription on the second instance to open');
      const charged = await createCreditClient({ baseUrl: first().url, apiKey: secretKey }).charges.create({
        actionId: 'find-work-email',
        workbookId: 'wb',
        recordId: 'r_live',
        field: 'email',
      });
      await waitUntil(() => received.some((event) => event.type === 'balance.updated'), 'the balance event');
      const [event] = received.filter((one) => one.type === 'balance.updated');
      expect(event?.data).toMatchObject({ spendable: expect.any(Number) });
      expect(charged.status).toBe('charged');
    } finally {
      unsubscribe();
    }
  });
});
