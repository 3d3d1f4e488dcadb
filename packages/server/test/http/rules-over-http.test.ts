import {
  createCreditClient,
  InsufficientCreditsError,
  NotFoundError,
  SpendLimitReachedError,
  ValidationError,
} from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

let server: RunningServer;
let clock = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  server = await startTestServer({ renewalDelayMs: 90 * 60_000, now: () => clock });
});
afterAll(() => server.close());

const newWorkspace = (planId: string) => createDevWorkspace(server.url, planId);

async function renew(workspaceId: string, secretKey: string) {
  const response = await fetch(`${server.url}/v1/dev/workspaces/${workspaceId}/renew`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}` },
  });
  expect(response.status).toBe(200);
}

const hours = (count: number) => count * 3_600_000;

describe('the rules over HTTP, through the SDK', () => {
  it('R3, R7: a 50,000-credit monthly plan never holds more than 100,000 after renewals; renewed credits wait out the delay', async () => {
    const { client, workspaceId, secretKey } = await newWorkspace('pro-monthly');
    for (let month = 0; month < 4; month++) {
      await renew(workspaceId, secretKey);
      const processing = await client.balance.retrieve();
      expect(processing.renewal.status).toBe('processing');
      expect(processing.pending).toBe(50_000);
      clock = new Date(clock.getTime() + hours(2));
      const settled = await client.balance.retrieve();
      expect(settled.renewal.status).toBe('none');
      expect(settled.bySource.plan + settled.bySource.rollover).toBeLessThanOrEqual(100_000);
    }
    expect((await client.balance.retrieve()).spendable).toBe(100_000);
    const forfeited = [];
    for await (const entry of client.ledger.list({ type: 'forfeited', limit: 2 })) forfeited.push(entry);
    // Renewals 2–4 each start with 100,000 unused and may carry 50,000: 50,000 forfeited each time.
    expect(forfeited.reduce((sum, entry) => sum - entry.credits, 0)).toBe(150_000);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R6, R17: a downgrade applies at the period end; purchased credits survive it', async () => {
    const { client, workspaceId, secretKey } = await newWorkspace('pro-monthly');
    await client.purchases.create({ credits: 500 });
    const scheduled = await client.plan.change({ planId: 'starter-monthly' });
    expect(scheduled.plan.id).toBe('pro-monthly');
    expect(scheduled.scheduledChange?.planId).toBe('starter-monthly');
    expect((await client.balance.retrieve()).spendable).toBe(50_500);

    await renew(workspaceId, secretKey);
    clock = new Date(clock.getTime() + hours(2));
    expect((await client.plan.retrieve()).plan.id).toBe('starter-monthly');
    const balance = await client.balance.retrieve();
    expect(balance.bySource).toEqual({ plan: 2000, rollover: 2000, purchased: 500, granted: 0 });
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R10: with its own key a provider’s actions cost 0 and the charge is recorded as own_key', async () => {
    const { client } = await newWorkspace('starter-monthly');
    expect((await client.actions.retrieve('find-mobile-phone')).effectiveCredits).toBe(10);
    const integration = await client.integrations.setKey('phonebook', { apiKey: 'pb_live_secret_9f3a' });
    expect(integration).toMatchObject({ ownKey: true, keyLast4: '9f3a' });
    expect(JSON.stringify(await client.integrations.list())).not.toContain('pb_live_secret');
    expect(await client.actions.retrieve('find-mobile-phone')).toMatchObject({ ownKey: true, effectiveCredits: 0 });

    const charge = await client.charges.create({
      actionId: 'find-mobile-phone',
      workbookId: 'wb',
      recordId: 'r1',
      field: 'mobile',
    });
    expect(charge).toMatchObject({ status: 'own_key', credits: 0 });
    expect((await client.balance.retrieve()).spendable).toBe(2000);
  });

  it('R9: a run reserves its budget, stops at it, and releases the rest when completed', async () => {
    const { client } = await newWorkspace('starter-monthly');
    const estimate = await client.ai.estimates.create({
      model: 'gpt-mini',
      rows: 100,
      prompt: 'Write a one-line opener for {{name}}.',
      outputTokens: 200,
    });
    expect(estimate.inputTokens).toBeGreaterThan(5);
    expect(estimate.total).toBeCloseTo(estimate.perRow * 100, 3);

    await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb', model: 'gpt-mini', budget: 1 });
    expect((await client.balance.retrieve()).spendable).toBe(1999);
    const usage = { inputTokens: 800, outputTokens: 200 }; // 0.28 credits a row
    const results = [];
    for (let row = 0; row < 5; row++) {
      results.push(
        await client.charges
          .create({
            actionId: 'ai-write-gpt-mini',
            workbookId: 'wb',
            recordId: `r${row}`,
            field: 'opener',
            runId: 'run_1',
            usage,
          })
          .catch((error: unknown) => error),
      );
    }
    expect(results.slice(0, 3).map((result) => (result as { credits: number }).credits)).toEqual([0.28, 0.28, 0.28]);
    expect(results[3]).toBeInstanceOf(SpendLimitReachedError);
    expect(results[3]).toMatchObject({
      code: 'run_budget_exhausted',
      details: { scope: 'run', limit: 1, spent: 0.84 },
    });

    const completed = await client.ai.runs.complete('run_1');
    expect(completed).toMatchObject({ status: 'completed', spent: 0.84, remaining: 0 });
    expect((await client.balance.retrieve()).spendable).toBe(1999.16);
    await expect(client.ai.runs.create({ runId: 'run_2', workbookId: 'wb', budget: 5000 })).rejects.toBeInstanceOf(
      InsufficientCreditsError,
    );
  });

  it('R14: a charge larger than the spendable balance is refused and nothing is written', async () => {
    const { client, workspaceId } = await newWorkspace('free');
    for (let record = 0; record < 10; record++) {
      await client.charges.create({
        actionId: 'find-mobile-phone',
        workbookId: 'wb',
        recordId: `r${record}`,
        field: 'mobile',
      });
    }
    await expect(
      client.charges.create({ actionId: 'find-mobile-phone', workbookId: 'wb', recordId: 'r10', field: 'mobile' }),
    ).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect((await client.balance.retrieve()).spendable).toBe(0);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R20, R15: members read and run; only admins buy credits, set own keys and refund', async () => {
    const { client } = await newWorkspace('starter-monthly');
    const { token } = await client.sessions.create({ userId: 'u1', role: 'member' });
    const member = createCreditClient({ baseUrl: server.url, token: () => token });
    const charge = await member.charges.create({
      actionId: 'find-work-email',
      workbookId: 'wb',
      recordId: 'r',
      field: 'e',
    });
    await expect(member.charges.refund(charge.id, { reason: 'no data' })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect((await client.charges.retrieve(charge.id)).status).toBe('charged');
    const { token: adminToken } = await client.sessions.create({ userId: 'u2', role: 'admin' });
    const admin = createCreditClient({ baseUrl: server.url, token: () => adminToken });
    expect((await admin.charges.refund(charge.id, { reason: 'no data' })).status).toBe('refunded');
    await expect(member.purchases.create({ credits: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(member.integrations.setKey('phonebook', { apiKey: 'pb_live_12345678' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(member.plan.change({ planId: 'free' })).rejects.toMatchObject({ status: 403 });
    expect((await member.balance.retrieve()).spendable).toBe(2000);
  });

  it('refuses an unknown plan, the trial and a cursor it did not give', async () => {
    const { client } = await newWorkspace('starter-monthly');
    await expect(client.plan.change({ planId: 'platinum' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.plan.change({ planId: 'trial' })).rejects.toMatchObject({ code: 'plan_not_available' });
    await expect(client.ledger.list({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(ValidationError);
  });
});
