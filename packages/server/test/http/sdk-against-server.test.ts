import {
  createCreditClient,
  IdempotencyConflictError,
  NotFoundError,
  PermissionDeniedError,
  SpendLimitReachedError,
} from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const newWorkspace = (planId?: string) => createDevWorkspace(server.url, planId);

const emailOf = (recordId: string) => ({ actionId: 'find-work-email', workbookId: 'wb_1', recordId, field: 'email' });

describe('the SDK against the reference server', () => {
  it('R1, R8: a new workspace holds its plan allowance and sees action costs, phones dearer than emails', async () => {
    const { client } = await newWorkspace();
    expect(await client.balance.retrieve()).toMatchObject({ spendable: 2000, allowance: 2000, rolloverCap: 4000 });
    const [email, phone, domain] = await Promise.all([
      client.actions.retrieve('find-work-email'),
      client.actions.retrieve('find-mobile-phone'),
      client.actions.retrieve('lookup-company-domain'),
    ]);
    expect(phone.credits).toBeGreaterThan(email.credits);
    expect(domain.credits).toBe(0);
  });

  it('R13, R15: charges once per record and field, refunds to the balance, and charges again after a refund', async () => {
    const { client, workspaceId } = await newWorkspace();
    const first = await client.charges.create(emailOf('rec_1'));
    const second = await client.charges.create({ ...emailOf('rec_1'), audienceId: 'aud_940' });
    expect([first.status, second.status]).toEqual(['charged', 'deduplicated']);
    expect(first.ledgerEntries).toHaveLength(1);
    expect((await client.balance.retrieve()).spendable).toBe(1999);

    const refunded = await client.charges.refund(first.id, { reason: 'provider returned no data' });
    expect(refunded).toMatchObject({ status: 'refunded', refundReason: 'provider returned no data' });
    expect((await client.balance.retrieve()).spendable).toBe(2000);
    expect((await client.charges.create(emailOf('rec_1'))).status).toBe('charged');
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R11, R20: an admin sets a workbook limit; a member cannot; the limit blocks with its numbers', async () => {
    const { client } = await newWorkspace();
    const { token } = await client.sessions.create({ userId: 'user_member', role: 'member' });
    const member = createCreditClient({ baseUrl: server.url, token: () => token });
    await expect(member.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );

    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 });
    await member.charges.create(emailOf('rec_1'));
    await member.charges.create(emailOf('rec_2'));
    const refusal = await member.charges.create(emailOf('rec_3')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SpendLimitReachedError);
    expect(refusal).toMatchObject({
      code: 'workbook_limit_reached',
      details: { scope: 'workbook', id: 'wb_1', limit: 2, spent: 2, remaining: 0 },
    });
    expect(await member.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({
      enabled: true,
      limit: 2,
      spent: 2,
      remaining: 0,
    });
  });

  it('R19: the same idempotency key returns the first charge; with another body it is a conflict', async () => {
    const { client } = await newWorkspace();
    const first = await client.charges.create(emailOf('rec_1'), { idempotencyKey: 'run-7-rec_1' });
    const repeat = await client.charges.create(emailOf('rec_1'), { idempotencyKey: 'run-7-rec_1' });
    expect(repeat.id).toBe(first.id);
    expect(repeat.status).toBe('charged');
    await expect(client.charges.create(emailOf('rec_2'), { idempotencyKey: 'run-7-rec_1' })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect((await client.balance.retrieve()).spendable).toBe(1999);
  });

  it("R21: another workspace's charge answers 404", async () => {
    const mine = await newWorkspace();
    const theirs = await newWorkspace();
    const charge = await theirs.client.charges.create(emailOf('rec_1'));
    await expect(mine.client.charges.retrieve(charge.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('bad input over HTTP', () => {
  async function send(path: string, init: RequestInit & { key?: string } = {}) {
    const { secretKey } = await newWorkspace();
    return fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', ...init.headers },
    });
  }

  it.each([
    ['malformed JSON', '{"actionId":', 400],
    ['a wrong type', JSON.stringify({ ...emailOf('r'), recordId: 5 }), 400],
    ['a missing field', JSON.stringify({ actionId: 'find-work-email' }), 400],
    ['an id with a slash', JSON.stringify(emailOf('a/b')), 400],
    ['an unknown action', JSON.stringify({ ...emailOf('r'), actionId: 'no-such-action' }), 404],
  ])('answers %s with a problem, never a 500', async (_, body, status) => {
    const response = await send('/v1/charges', { method: 'POST', body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status, code: expect.any(String), requestId: expect.any(String) });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await send('/v1/charges', {
      method: 'POST',
      body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await send('/v1/nowhere')).status).toBe(404);
    const wrongMethod = await send('/v1/balance', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('answers a missing or wrong credential with 401', async () => {
    expect((await fetch(`${server.url}/v1/balance`)).status).toBe(401);
    expect((await fetch(`${server.url}/v1/balance`, { headers: { authorization: 'Bearer sk_nope' } })).status).toBe(
      401,
    );
  });
});
