import { createCreditClient, SpendLimitReachedError } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserCreditApi, createBrowserCreditApi } from '../../src/browser';
import { reconcile } from '../../src/store/reconcile';

/**
 * The Credit API's own app, running in this Chromium page on an in-memory PGlite, driven through the SDK with
 * the answers the Node tests expect of the server (test/http/sdk-against-server.test.ts, rules-over-http.test.ts).
 */

let api: BrowserCreditApi;
/** The in-page API's clock, moved by the renewal test. */
let clock = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  const started = performance.now();
  api = await createBrowserCreditApi({ now: () => clock, renewalDelayMs: 90 * 60_000 });
  // A figure for the report, never asserted: how long a page waits for its API.
  console.info(`in-page Credit API ready in ${Math.round(performance.now() - started)} ms`);
});
afterAll(() => api?.close());

/** What the dev route answers, like test/support/dev-workspace.ts, through the page's API. */
async function newWorkspace(planId = 'starter-monthly') {
  const response = await api.fetch(`${api.baseUrl}/v1/dev/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId }),
  });
  expect(response.status).toBe(201);
  const { workspaceId, secretKey } = (await response.json()) as { workspaceId: string; secretKey: string };
  return { workspaceId, secretKey, client: clientOf(secretKey, 'u_admin', 'admin') };
}

/**
 * An SDK client in the page, as the widgets hold one: on session tokens, which the SDK asks for again when the
 * API answers 401 (the renewal test moves the clock past a token's hour). The SDK refuses a secret key in a
 * browser, so the page mints the tokens with it as a host server would, over the in-page API's fetch.
 */
function clientOf(secretKey: string, userId: string, role: 'admin' | 'member') {
  const token = async () => {
    const response = await api.fetch(`${api.baseUrl}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId, role }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  };
  return createCreditClient({ baseUrl: api.baseUrl, token, fetch: api.fetch });
}

async function renew(workspaceId: string, secretKey: string) {
  const response = await api.fetch(`${api.baseUrl}/v1/dev/workspaces/${workspaceId}/renew`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}` },
  });
  expect(response.status).toBe(200);
}

const emailOf = (recordId: string) => ({ actionId: 'find-work-email', workbookId: 'wb_1', recordId, field: 'email' });

describe('the Credit API in a web page, through the SDK', () => {
  it('R13, R15: charges once per record and field, refunds to the balance, and charges again after a refund', async () => {
    const { client, workspaceId } = await newWorkspace();
    expect(await client.balance.retrieve()).toMatchObject({ spendable: 2000, allowance: 2000, rolloverCap: 4000 });
    const first = await client.charges.create(emailOf('rec_1'));
    const second = await client.charges.create({ ...emailOf('rec_1'), audienceId: 'aud_940' });
    expect([first.status, second.status]).toEqual(['charged', 'deduplicated']);
    expect((await client.balance.retrieve()).spendable).toBe(1999);

    const refunded = await client.charges.refund(first.id, { reason: 'provider returned no data' });
    expect(refunded).toMatchObject({ status: 'refunded', refundReason: 'provider returned no data' });
    expect((await client.balance.retrieve()).spendable).toBe(2000);
    expect((await client.charges.create(emailOf('rec_1'))).status).toBe('charged');
    expect(await reconcile(api.db, workspaceId)).toEqual([]);
  });

  it('R11, R20: a workbook limit set by the admin refuses a member’s charge with its numbers', async () => {
    const { client, workspaceId, secretKey } = await newWorkspace();
    const member = clientOf(secretKey, 'user_member', 'member');
    await expect(member.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 });
    await member.charges.create(emailOf('rec_1'));
    await member.charges.create(emailOf('rec_2'));
    const refusal = await member.charges.create(emailOf('rec_3')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SpendLimitReachedError);
    expect(refusal).toMatchObject({
      code: 'workbook_limit_reached',
      details: { scope: 'workbook', id: 'wb_1', limit: 2, spent: 2, remaining: 0 },
    });
    expect((await client.balance.retrieve()).spendable).toBe(1998);
    expect(await reconcile(api.db, workspaceId)).toEqual([]);
  });

  it('R19: the same Idempotency-Key returns the first charge, marked as replayed', async () => {
    const { secretKey } = await newWorkspace();
    const send = () =>
      api.fetch(`${api.baseUrl}/v1/charges`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', 'idempotency-key': 'k1' },
        body: JSON.stringify(emailOf('rec_1')),
      });
    const first = await send();
    const repeat = await send();
    expect([first.status, repeat.status]).toEqual([201, 201]);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(((await repeat.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });

  it('R3, R7: renewals on the injected clock: at most twice the allowance, renewed credits wait out the delay', async () => {
    const { client, workspaceId, secretKey } = await newWorkspace('pro-monthly');
    for (let month = 0; month < 4; month++) {
      await renew(workspaceId, secretKey);
      const processing = await client.balance.retrieve();
      expect(processing.renewal.status).toBe('processing');
      expect(processing.pending).toBe(50_000);
      clock = new Date(clock.getTime() + 2 * 3_600_000);
      const settled = await client.balance.retrieve();
      expect(settled.renewal.status).toBe('none');
      expect(settled.bySource.plan + settled.bySource.rollover).toBeLessThanOrEqual(100_000);
    }
    expect((await client.balance.retrieve()).spendable).toBe(100_000);
    const forfeited = [];
    for await (const entry of client.ledger.list({ type: 'forfeited', limit: 2 })) forfeited.push(entry);
    expect(forfeited.reduce((sum, entry) => sum - entry.credits, 0)).toBe(150_000);
    expect(await reconcile(api.db, workspaceId)).toEqual([]);
  });

  it('R9: counts a prompt’s tokens in the page for an estimate', async () => {
    const { client } = await newWorkspace();
    const estimate = await client.ai.estimates.create({
      model: 'gpt-mini',
      rows: 100,
      prompt: 'Write a one-line opener for {{name}}.',
      outputTokens: 200,
    });
    expect(estimate.inputTokens).toBeGreaterThan(5);
    expect(estimate.total).toBeCloseTo(estimate.perRow * 100, 3);
  });

  it('R23: quotes a run in the page (a prompt counted there too), and the run then charges what it said', async () => {
    const { client, secretKey } = await newWorkspace();
    const member = clientOf(secretKey, 'user_member', 'member');
    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 3 });
    await member.charges.create(emailOf('rec_1'));
    const recordIds = ['rec_1', 'rec_2', 'rec_3', 'rec_4', 'rec_5'];
    const quote = await member.quotes.create({
      actionId: 'find-work-email',
      workbookId: 'wb_1',
      field: 'email',
      recordIds,
    });
    expect(quote).toMatchObject({
      chargedRows: 2,
      alreadyPaidRows: 1,
      notReachedRows: 2,
      credits: 2,
      balanceAfter: 1997,
      stop: { code: 'workbook_limit_reached', afterRows: 3, limit: { limit: 3, spent: 3, remaining: 0 } },
    });
    const statuses: string[] = [];
    for (const recordId of recordIds.slice(0, quote.stop?.afterRows)) {
      statuses.push((await member.charges.create(emailOf(recordId))).status);
    }
    expect(statuses).toEqual(['deduplicated', 'charged', 'charged']);
    await expect(member.charges.create(emailOf('rec_4'))).rejects.toMatchObject({ details: quote.stop?.limit });
    expect((await client.balance.retrieve()).spendable).toBe(quote.balanceAfter);

    const ai = await member.quotes.create({
      actionId: 'ai-write-gpt-mini',
      workbookId: 'wb_2',
      field: 'opener',
      rows: 10,
      usage: { prompt: 'Write a one-line opener for {{name}}.', outputTokens: 200 },
    });
    const estimate = await client.ai.estimates.create({
      model: 'gpt-mini',
      rows: 10,
      prompt: 'Write a one-line opener for {{name}}.',
      outputTokens: 200,
    });
    expect(ai).toMatchObject({ chargedRows: 10, perRow: estimate.perRow, credits: estimate.total, stop: null });
  });
});
