import {
  type AutoTopUpUpdateParams,
  type ChargeCreateParams,
  type CreditClient,
  createCreditClient,
  PermissionDeniedError,
  type TopUpCapped,
  type TopUpCompleted,
} from '@creditkit/sdk';
import { creditEvent } from '@creditkit/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { startTestServer } from '../support/test-server';

// R27: below the threshold the balance is topped up once per crossing, re-arms when it is back, never past the cap.

let clock = new Date('2026-11-30T12:00:00.000Z');
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

/** `find-work-email` costs 1 credit. */
const email = (recordId: string): ChargeCreateParams => ({
  actionId: 'find-work-email',
  workbookId: 'wb_topup',
  recordId,
  field: 'email',
});

async function chargeRecords(client: CreditClient, prefix: string, count: number) {
  const charges = [];
  for (let i = 0; i < count; i += 1) charges.push(await client.charges.create(email(`${prefix}_${i}`)));
  return charges;
}

/** The events of `type` the workspace's transactions wrote, in order, each checked against the contract. */
async function eventsOf<Data>(workspaceId: string, type: string): Promise<Data[]> {
  const rows = await server.db.query<{ id: string; type: string; data: Data; created_at: Date }>(
    'SELECT id::text, type, data, created_at FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id',
    [workspaceId, type],
  );
  for (const row of rows) {
    const envelope = { id: row.id, type: row.type, createdAt: new Date(row.created_at).toISOString(), data: row.data };
    expect(creditEvent.safeParse(envelope).success).toBe(true);
  }
  return rows.map((row) => row.data);
}
const completed = (workspaceId: string) => eventsOf<TopUpCompleted>(workspaceId, 'topup.completed');
const capped = (workspaceId: string) => eventsOf<TopUpCapped>(workspaceId, 'topup.capped');

async function expectReconciled(workspaceId: string) {
  expect(await reconcile(server.db, workspaceId)).toEqual([]);
  expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
}

async function putRaw(secretKey: string, body: unknown, idempotencyKey: string = crypto.randomUUID()) {
  return fetch(`${server.url}/v1/auto-top-up`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${secretKey}`,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(body),
  });
}

describe('R27 auto top-up', () => {
  it('R27: never set, it reads as disabled and armed, with nothing topped up this month', async () => {
    const { client } = await createDevWorkspace(server.url);
    expect(await client.autoTopUp.retrieve()).toEqual({
      enabled: false,
      threshold: null,
      credits: null,
      monthlyCap: null,
      state: 'armed',
      month: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', toppedUp: 0, remaining: null },
      updatedAt: null,
    });
  });

  it('R27: a charge taking the balance below the threshold tops up once, a never-expiring grant; back above, it re-arms', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    const set = await client.autoTopUp.update({ enabled: true, threshold: 1997, credits: 10, monthlyCap: 100 });
    expect(set).toMatchObject({ enabled: true, threshold: 1997, credits: 10, monthlyCap: 100, state: 'armed' });

    // 2,000 → 1,997 is not below; the 4th charge leaves 1,996, topped up to 2,006.
    await chargeRecords(client, 'first', 3);
    expect(await completed(workspaceId)).toEqual([]);
    await chargeRecords(client, 'crossing', 1);
    const [event] = await completed(workspaceId);
    expect(event).toEqual({
      topUp: {
        id: expect.stringMatching(/^topup_/),
        credits: 10,
        grantId: expect.stringMatching(/^grant_/),
        createdAt: clock.toISOString(),
      },
      threshold: 1997,
      spendableBefore: 1996,
      spendable: 2006,
      month: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', toppedUp: 10, remaining: 90 },
    });
    const balance = await client.balance.retrieve();
    expect(balance.spendable).toBe(2006);
    expect(balance.bySource.purchased).toBe(10);
    const grant = (await client.grants.list()).data.find((candidate) => candidate.id === event?.topUp.grantId);
    expect(grant).toMatchObject({ source: 'purchased', credits: 10, expiresAt: null });
    const ledger = [];
    for await (const entry of client.ledger.list({ type: 'grant' })) ledger.push(entry);
    expect(ledger.map((entry) => entry.reason)).toContain(`auto_top_up ${event?.topUp.id}`);
    // The top-up brought the balance back above the threshold: armed, so the next fall below is a new crossing.
    expect((await client.autoTopUp.retrieve()).state).toBe('armed');

    // 2,006 → 1,997 in 9 charges is not below; the 10th crosses again.
    await chargeRecords(client, 'down', 9);
    expect(await completed(workspaceId)).toHaveLength(1);
    await chargeRecords(client, 'again', 1);
    expect((await completed(workspaceId)).map((topUp) => topUp.spendableBefore)).toEqual([1996, 1996]);
    expect((await client.autoTopUp.retrieve()).month).toMatchObject({ toppedUp: 20, remaining: 80 });
    await expectReconciled(workspaceId);
  });

  it('R27: a top-up too small to bring the balance back leaves it triggered: once, until a refund takes it back', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    await client.autoTopUp.update({ enabled: true, threshold: 1997, credits: 0.5, monthlyCap: 100 });

    const charges = await chargeRecords(client, 'rec', 4);
    expect((await client.balance.retrieve()).spendable).toBe(1996.5);
    expect((await client.autoTopUp.retrieve()).state).toBe('triggered');
    await chargeRecords(client, 'below', 3);
    expect(await completed(workspaceId)).toHaveLength(1);

    // 1,993.5 + 4 refunded credits = 1,997.5: at or above the threshold, armed again.
    for (const charge of charges) await client.charges.refund(charge.id, { reason: 'no data' });
    expect((await client.autoTopUp.retrieve()).state).toBe('armed');
    await chargeRecords(client, 'next', 1);
    expect((await completed(workspaceId)).map((topUp) => topUp.spendableBefore)).toEqual([1996, 1996.5]);
    await expectReconciled(workspaceId);
  });

  it('R27: a top-up that would pass the monthly cap is not made: topup.capped once per crossing; a new month tops up', async () => {
    clock = new Date('2026-11-30T12:00:00.000Z');
    const { client, workspaceId } = await createDevWorkspace(server.url);
    await client.autoTopUp.update({ enabled: true, threshold: 1999.5, credits: 1, monthlyCap: 2.5 });

    // Each charge of 1 crosses (1,999 < 1,999.5) and the top-up brings 2,000 back: twice, then the cap is reached.
    await chargeRecords(client, 'rec', 2);
    expect(await completed(workspaceId)).toHaveLength(2);
    await chargeRecords(client, 'capped', 1);
    expect(await capped(workspaceId)).toEqual([
      {
        reason: 'monthly_cap',
        credits: 1,
        threshold: 1999.5,
        spendable: 1999,
        month: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', toppedUp: 2, remaining: 0.5 },
      },
    ]);
    await chargeRecords(client, 'still', 2);
    expect(await capped(workspaceId)).toHaveLength(1);
    expect(await completed(workspaceId)).toHaveLength(2);
    expect(await client.autoTopUp.retrieve()).toMatchObject({
      state: 'triggered',
      month: { toppedUp: 2, remaining: 0.5 },
    });

    // December: the cap counts again, but the balance never came back, so nothing crosses until it does.
    clock = new Date('2026-12-01T00:30:00.000Z');
    await chargeRecords(client, 'december', 1);
    expect(await completed(workspaceId)).toHaveLength(2);
    expect((await client.autoTopUp.retrieve()).month).toEqual({
      start: '2026-12-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
      toppedUp: 0,
      remaining: 2.5,
    });
    // Setting it again arms it, and the balance already below is topped up by that request.
    const reset = await client.autoTopUp.update({ enabled: true, threshold: 1999.5, credits: 1, monthlyCap: 2.5 });
    expect(reset.month.toppedUp).toBe(1);
    expect(await completed(workspaceId)).toHaveLength(3);
    clock = new Date('2026-11-30T12:00:00.000Z');
    await expectReconciled(workspaceId);
  });

  it('R27: opening an AI run tops up; a refused run or charge writes nothing and tops up nothing', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url, 'free');
    await client.autoTopUp.update({ enabled: true, threshold: 50, credits: 10, monthlyCap: 10 });

    // The reservation takes the spendable balance from 100 to 40: topped up to 50, not below, armed.
    await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_topup', budget: 60 });
    expect((await client.balance.retrieve()).spendable).toBe(50);
    expect(await completed(workspaceId)).toHaveLength(1);

    const eventsBefore = await server.db.query('SELECT id FROM events WHERE workspace_id = $1', [workspaceId]);
    await expect(client.ai.runs.create({ runId: 'run_2', workbookId: 'wb_topup', budget: 60 })).rejects.toMatchObject({
      code: 'insufficient_credits',
      status: 402,
    });
    // A charge larger than the balance is refused as it is (R14): a top-up does not rescue it, it writes nothing.
    const tooLarge = {
      actionId: 'ai-write-gpt-large',
      workbookId: 'wb_topup',
      recordId: 'r',
      field: 'summary',
      usage: { inputTokens: 5_000_000, outputTokens: 0 },
    };
    await expect(client.charges.create(tooLarge)).rejects.toMatchObject({ code: 'insufficient_credits', status: 402 });
    const eventsAfter = await server.db.query('SELECT id FROM events WHERE workspace_id = $1', [workspaceId]);
    expect(eventsAfter).toHaveLength(eventsBefore.length);
    expect((await client.balance.retrieve()).spendable).toBe(50);
    await expectReconciled(workspaceId);
  });

  it('R27: switched off, nothing is topped up; a repeated PUT with its key is replayed and tops up nothing more', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
    await client.autoTopUp.update({ enabled: false, threshold: 1999.5, credits: 5, monthlyCap: 50 });
    await chargeRecords(client, 'off', 2);
    expect(await completed(workspaceId)).toEqual([]);

    const body: AutoTopUpUpdateParams = { enabled: true, threshold: 1999.5, credits: 5, monthlyCap: 50 };
    const first = await putRaw(secretKey, body, 'same-key');
    expect(first.status).toBe(200);
    const replay = await putRaw(secretKey, body, 'same-key');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    expect(await completed(workspaceId)).toHaveLength(1);
    expect((await client.balance.retrieve()).spendable).toBe(2003);
    await expectReconciled(workspaceId);
  });

  it('R20: members read the auto top-up, only the secret key or an admin changes it; another workspace sees its own', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    const set = await client.autoTopUp.update({ enabled: true, threshold: 10, credits: 5, monthlyCap: 50 });
    const { token } = await client.sessions.create({ userId: 'u_member', role: 'member' });
    const member = createCreditClient({ baseUrl: server.url, token: () => token });
    expect(await member.autoTopUp.retrieve()).toEqual(set);
    await expect(
      member.autoTopUp.update({ enabled: false, threshold: 10, credits: 5, monthlyCap: 50 }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);

    const { token: adminToken } = await client.sessions.create({ userId: 'u_admin', role: 'admin' });
    const admin = createCreditClient({ baseUrl: server.url, token: () => adminToken });
    expect(await admin.autoTopUp.update({ enabled: false, threshold: 10, credits: 5, monthlyCap: 50 })).toMatchObject({
      enabled: false,
    });

    const other = await createDevWorkspace(server.url);
    expect((await other.client.autoTopUp.retrieve()).enabled).toBe(false);
    expect(await completed(workspaceId)).toEqual([]);
  });

  it.each([
    ['a threshold of 0', { enabled: true, threshold: 0, credits: 5, monthlyCap: 5 }, 'threshold'],
    ['credits with 4 decimals', { enabled: true, threshold: 1, credits: 1.0001, monthlyCap: 5 }, 'credits'],
    ['an amount as a string', { enabled: true, threshold: 1, credits: '5', monthlyCap: 5 }, 'credits'],
    ['a cap below one top-up', { enabled: true, threshold: 1, credits: 5, monthlyCap: 4.999 }, 'monthlyCap'],
    ['a cap over the largest amount', { enabled: true, threshold: 1, credits: 5, monthlyCap: 1e9 + 1 }, 'monthlyCap'],
    ['no enabled', { threshold: 1, credits: 5, monthlyCap: 5 }, 'enabled'],
  ])('R27: %s is a 400 validation_failed naming it, and writes nothing', async (_, body, path) => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    const response = await putRaw(secretKey, body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; details: { issues: { path: string[] }[] } };
    expect(problem.code).toBe('validation_failed');
    expect(problem.details.issues.map((issue) => issue.path)).toContainEqual([path]);
    expect((await client.autoTopUp.retrieve()).updatedAt).toBeNull();
  });
});
