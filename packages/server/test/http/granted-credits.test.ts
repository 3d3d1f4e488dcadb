import { compareBurnOrder, type GrantState } from '@creditkit/rules';
import {
  type CreditClient,
  type CreditEvent,
  createCreditClient,
  type Grant,
  type GrantCreateParams,
} from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// R28 over real HTTP, through the SDK where it can go: granted credits in the burn order (R2), in the balance
// as their own source, written off as one `expired` row per remainder when the server's clock passes their
// expiry, for the secret key only.

let server: RunningServer;
let clock = new Date('2026-11-02T12:00:00.000Z');
const DAY = 86_400_000;
const later = (ms: number) => new Date(clock.getTime() + ms).toISOString();

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A raw request, for what the SDK would refuse before sending or would hide (headers, a replay). */
async function post(path: string, token: string, body: unknown, key?: string): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

async function expireGrants(workspaceId: string, secretKey: string) {
  const answer = await post(`/v1/dev/workspaces/${workspaceId}/expire-grants`, secretKey, undefined);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

const grantState = (grant: Grant): GrantState => ({
  id: grant.id,
  source: grant.source as GrantState['source'],
  remaining: Math.round(grant.remaining * 1000),
  effectiveAt: new Date(grant.effectiveAt),
  expiresAt: grant.expiresAt === null ? null : new Date(grant.expiresAt),
  priority: grant.priority,
  createdAt: new Date(grant.createdAt),
});

let recordCount = 0;
/** A charge of 10 credits on a record never charged before (R13 does not dedup it). */
const chargeTen = (client: CreditClient) =>
  client.charges.create({
    actionId: 'find-mobile-phone',
    workbookId: 'wb_grants',
    recordId: `rec_${++recordCount}`,
    field: 'mobile',
  });

describe('R28 granted credits', () => {
  it('R2, R28: charges burn soonest expiry first, then higher priority, then oldest; the grant list is that order', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url, 'free');
    const { periodEnd } = await client.balance.retrieve();
    const grant = async (params: Omit<GrantCreateParams, 'credits'>) => {
      clock = new Date(clock.getTime() + 1); // one creation time each, so "oldest first" decides between them
      return (await client.grants.create({ credits: 10, ...params })).id;
    };
    const soonest = await grant({ reason: 'goodwill', expiresAt: later(5 * DAY), priority: -100 });
    const aheadOfPlan = await grant({ reason: 'compensation', expiresAt: periodEnd, priority: 100 });
    const afterPlan = await grant({ reason: 'promotional', expiresAt: periodEnd, priority: -1 });
    const neverButFirst = await grant({ reason: 'promotional', priority: 1 });
    clock = new Date(clock.getTime() + 1);
    const purchase = (await client.purchases.create({ credits: 10 })).grantId;
    const neverAndNewest = await grant({ reason: 'goodwill', note: 'sorry about the outage' });

    const balance = await client.balance.retrieve();
    expect(balance.bySource).toEqual({ plan: 100, rollover: 0, purchased: 10, granted: 50 });
    expect(balance.spendable).toBe(160);

    const grants = await all(client.grants.list({ limit: 3 }));
    const plan = grants.find((g) => g.source === 'plan')?.id as string;
    const expected = [soonest, aheadOfPlan, plan, afterPlan, neverButFirst, purchase, neverAndNewest];
    expect(grants.map((g) => g.id)).toEqual(expected);
    // The list's SQL order is the rules' one comparison.
    expect(
      [...grants]
        .map(grantState)
        .sort(compareBurnOrder)
        .map((g) => g.id),
    ).toEqual(expected);
    expect(grants.find((g) => g.id === neverAndNewest)).toMatchObject({
      source: 'granted',
      reason: 'goodwill',
      note: 'sorry about the outage',
      priority: 0,
      expiresAt: null,
      credits: 10,
      remaining: 10,
    });
    expect(grants.find((g) => g.id === plan)).toMatchObject({ priority: 0, reason: null, note: null });

    const touched: string[] = [];
    for (let i = 0; i < 16; i++) {
      const charge = await chargeTen(client);
      expect(charge.ledgerEntries).toHaveLength(1);
      touched.push(charge.ledgerEntries[0]?.grantId as string);
    }
    const once = touched.filter((id, index) => touched[index - 1] !== id);
    expect(once).toEqual(expected);
    expect((await client.balance.retrieve()).spendable).toBe(0);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R28: an expired remainder leaves the balance at its expiry and is written as one `expired` row, however often the job runs', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url, 'free');
    const granted = await client.grants.create({ credits: 25.5, reason: 'promotional', expiresAt: later(DAY) });
    const lasting = await client.grants.create({ credits: 7, reason: 'compensation', expiresAt: later(60 * DAY) });
    const spent = await chargeTen(client);
    expect(spent.ledgerEntries.map((entry) => entry.grantId)).toEqual([granted.id]);
    expect((await client.balance.retrieve()).bySource.granted).toBe(22.5);

    clock = new Date(clock.getTime() + DAY);
    // From its expiry on, the remainder is out of the balance, before any job has run (R1).
    expect((await client.balance.retrieve()).bySource.granted).toBe(7);
    await expireGrants(workspaceId, secretKey);
    await expireGrants(workspaceId, secretKey);
    const expired = await all(client.ledger.list({ type: 'expired' }));
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ grantId: granted.id, credits: -15.5, reason: 'expired', balanceAfter: 107 });
    const after = await all(client.grants.list());
    expect(after.find((g) => g.id === granted.id)?.remaining).toBe(0);
    expect(after.find((g) => g.id === lasting.id)?.remaining).toBe(7);
    expect((await client.balance.retrieve()).spendable).toBe(107);

    // A refund after the expiry gives the credits back to their grant (R15), which is past its expiry: that
    // remainder is written off in turn, once.
    await client.charges.refund(spent.id, { reason: 'provider returned nothing' });
    expect((await client.balance.retrieve()).spendable).toBe(107);
    await expireGrants(workspaceId, secretKey);
    await expireGrants(workspaceId, secretKey);
    const expiredAgain = await all(client.ledger.list({ type: 'expired' }));
    expect(expiredAgain.map((entry) => entry.credits).sort()).toEqual([-10, -15.5]);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R28: a grant sends grant.created and balance.updated; its expiry grant.expired with what was written off, then balance.updated', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url, 'free');
    const seen: CreditEvent[] = [];
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const stop = client.events.subscribe(
      (event) => {
        seen.push(event);
        if (seen.length === 4) finished();
      },
      { onOpen: () => opened() },
    );
    try {
      await open;
      const granted = await client.grants.create({ credits: 3, reason: 'goodwill', expiresAt: later(DAY) });
      clock = new Date(clock.getTime() + DAY);
      await expireGrants(workspaceId, secretKey);
      await done;
      expect(seen.map((event) => event.type)).toEqual([
        'grant.created',
        'balance.updated',
        'grant.expired',
        'balance.updated',
      ]);
      expect(seen[0]?.data).toEqual(granted);
      expect(seen[2]?.data).toMatchObject({ grant: { id: granted.id, remaining: 0, credits: 3 }, expired: 3 });
    } finally {
      stop();
    }
  });

  it('R3, R28: a renewal leaves granted credits alone; they keep their own expiry', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url, 'starter-monthly');
    const granted = await client.grants.create({ credits: 40, reason: 'promotional', expiresAt: later(90 * DAY) });
    const renewed = await post(`/v1/dev/workspaces/${workspaceId}/renew`, secretKey, undefined);
    expect(renewed.status).toBe(200);
    expect((await client.balance.retrieve()).bySource.granted).toBe(40);
    const forfeited = await all(client.ledger.list({ type: 'forfeited' }));
    expect(forfeited.map((entry) => entry.grantId)).not.toContain(granted.id);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R20, R28: only the secret key grants; an admin or member session is refused 403 and nothing is written', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url, 'free');
    for (const role of ['admin', 'member'] as const) {
      const { token } = await client.sessions.create({ userId: `u_${role}`, role });
      const answer = await post('/v1/grants', token, { credits: 5, reason: 'goodwill' }, `k_${role}`);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body.code).toBe('forbidden');
      // A session may still read the grants (R20: members read).
      const session = createCreditClient({ baseUrl: server.url, token: async () => token });
      expect((await all(session.grants.list())).map((g) => g.source)).toEqual(['plan']);
    }
    expect((await post('/v1/grants', secretKey, { credits: 5, reason: 'goodwill' })).status).toBe(201);
    expect((await client.balance.retrieve()).bySource.granted).toBe(5);
  });

  it('R19, R28: a repeat with the same key gives the first grant; another body is a 409', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url, 'free');
    const body = { credits: 12.25, reason: 'compensation', expiresAt: '2027-01-01T00:00:00Z', priority: 3 };
    const first = await post('/v1/grants', secretKey, body, 'grant-once');
    expect(first.status).toBe(201);
    // The same instant written with another offset is the same grant.
    const again = await post(
      '/v1/grants',
      secretKey,
      { ...body, expiresAt: '2027-01-01T01:00:00+01:00' },
      'grant-once',
    );
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const conflict = await post('/v1/grants', secretKey, { ...body, credits: 13 }, 'grant-once');
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');

    const granted = (await all(client.grants.list())).filter((g) => g.source === 'granted');
    expect(granted).toHaveLength(1);
    const rows = (await all(client.ledger.list({ type: 'grant' }))).filter((row) => row.grantId === first.body.id);
    expect(rows).toEqual([expect.objectContaining({ credits: 12.25, reason: 'granted compensation' })]);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R28: refusals are 4xx problems that write nothing, and a key refused with a 400 is free again', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url, 'free');
    const cases: [string, Record<string, unknown>, string][] = [
      ['an expiry now', { credits: 1, reason: 'goodwill', expiresAt: clock.toISOString() }, 'expiresAt'],
      ['an expiry in the past', { credits: 1, reason: 'goodwill', expiresAt: later(-1000) }, 'expiresAt'],
      ['no reason', { credits: 1 }, 'reason'],
      ['a reason outside the set', { credits: 1, reason: 'birthday' }, 'reason'],
      ['zero credits', { credits: 0, reason: 'goodwill' }, 'credits'],
      ['credits as a string', { credits: '5', reason: 'goodwill' }, 'credits'],
      ['more than 3 decimals', { credits: 0.0001, reason: 'goodwill' }, 'credits'],
      ['over the largest amount', { credits: 1_000_000_001, reason: 'goodwill' }, 'credits'],
      ['a priority over 100', { credits: 1, reason: 'goodwill', priority: 101 }, 'priority'],
      ['a fractional priority', { credits: 1, reason: 'goodwill', priority: 0.5 }, 'priority'],
      ['a note over 500 characters', { credits: 1, reason: 'goodwill', note: 'é'.repeat(501) }, 'note'],
      ['a note with NUL', { credits: 1, reason: 'goodwill', note: 'a\u0000b' }, 'note'],
      ['an expiry without offset', { credits: 1, reason: 'goodwill', expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
      ['an expiry that is no day', { credits: 1, reason: 'goodwill', expiresAt: '2027-02-29T00:00:00Z' }, 'expiresAt'],
    ];
    for (const [what, body, path] of cases) {
      const answer = await post('/v1/grants', secretKey, body, 'k_refused');
      expect(answer.status, what).toBe(400);
      expect(answer.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
      expect(answer.body.code, what).toBe('validation_failed');
      expect(
        (answer.body.details as { issues: { path: string[] }[] }).issues.map((i) => i.path),
        what,
      ).toContainEqual([path]);
    }
    expect((await all(client.grants.list())).map((g) => g.source)).toEqual(['plan']);
    // The key refused above was never kept: the corrected request runs with it.
    const fixed = await post(
      '/v1/grants',
      secretKey,
      { credits: 1, reason: 'goodwill', expiresAt: later(DAY) },
      'k_refused',
    );
    expect(fixed.status).toBe(201);

    // What a workspace holds stays at most 1,000,000,000 credits, as for purchases: a 422 naming the room left.
    expect((await post('/v1/grants', secretKey, { credits: 999_999_000, reason: 'promotional' })).status).toBe(201);
    const tooLarge = await post('/v1/grants', secretKey, { credits: 900, reason: 'promotional' });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body).toMatchObject({
      code: 'grant_too_large',
      details: { maximum: 1_000_000_000, held: 999_999_101, grantable: 899 },
    });
    expect((await post('/v1/grants', secretKey, { credits: 899, reason: 'promotional' })).status).toBe(201);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R25, R28: a grant re-arms a balance alert it lifts, and its expiry fires the alert again', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
    const fired = async () =>
      (
        await server.db.query("SELECT 1 FROM events WHERE workspace_id = $1 AND type = 'alert.triggered'", [
          workspaceId,
        ])
      ).length;
    // The balance is 2,000: at the threshold, so the alert fires as it is created.
    const alert = await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 2000 });
    expect(alert.state).toBe('triggered');
    await client.grants.create({ credits: 10, reason: 'goodwill', expiresAt: later(DAY) });
    expect((await client.alerts.list()).data[0]?.state).toBe('armed');
    clock = new Date(clock.getTime() + 2 * DAY);
    await expireGrants(workspaceId, secretKey);
    expect((await client.alerts.list()).data[0]?.state).toBe('triggered');
    expect(await fired()).toBe(2);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });
});
