import {
  type Alert,
  type AlertTriggered,
  type ChargeCreateParams,
  type CreditClient,
  createCreditClient,
  NotFoundError,
  PermissionDeniedError,
} from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// R25: each scope's alert fires once per crossing and re-arms when the value comes back, whichever change moved it.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** `find-work-email` costs 1 credit. */
const email = (recordId: string, extra: Partial<ChargeCreateParams> = {}): ChargeCreateParams => ({
  actionId: 'find-work-email',
  workbookId: 'wb_alerts',
  recordId,
  field: 'email',
  ...extra,
});

/** The `alert.triggered` events the workspace's transactions wrote, in order. */
async function triggered(workspaceId: string): Promise<AlertTriggered[]> {
  const rows = await server.db.query<{ data: AlertTriggered }>(
    "SELECT data FROM events WHERE workspace_id = $1 AND type = 'alert.triggered' ORDER BY id",
    [workspaceId],
  );
  return rows.map((row) => row.data);
}

async function chargeRecords(
  client: CreditClient,
  prefix: string,
  count: number,
  extra: Partial<ChargeCreateParams> = {},
) {
  const charges = [];
  for (let i = 0; i < count; i += 1) charges.push(await client.charges.create(email(`${prefix}_${i}`, extra)));
  return charges;
}

/** The part of a problem answer these checks read. */
interface Refusal {
  code: string;
  details: { issues: { path: string[] }[] };
}

async function stateOf(client: CreditClient, alert: Alert) {
  return (await client.alerts.list()).data.find((candidate) => candidate.id === alert.id)?.state;
}

describe('R25 alerts', () => {
  it('R25: a balance alert in credits fires once when the balance falls to it, re-arms on a refund, fires again', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    const alert = await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 1997 });
    expect(alert).toMatchObject({ scope: 'balance', scopeId: null, unit: 'credits', threshold: 1997, state: 'armed' });

    const charges = await chargeRecords(client, 'rec', 4);
    expect(await triggered(workspaceId)).toEqual([
      {
        alert: { ...alert, state: 'triggered', triggeredAt: expect.any(String) },
        balance: { spendable: 1997, allowance: 2000 },
        spend: null,
      },
    ]);
    expect(await stateOf(client, alert)).toBe('triggered');

    // At 1996, a refund takes it back to 1997, still at the threshold; a second one over it: armed again,
    // nothing fired. The next charge crosses again.
    await client.charges.refund((charges[3] as { id: string }).id, { reason: 'no data' });
    expect(await stateOf(client, alert)).toBe('triggered');
    await client.charges.refund((charges[2] as { id: string }).id, { reason: 'no data' });
    expect(await stateOf(client, alert)).toBe('armed');
    expect(await triggered(workspaceId)).toHaveLength(1);
    await chargeRecords(client, 'again', 1);
    expect((await triggered(workspaceId)).map((event) => event.balance)).toEqual([
      { spendable: 1997, allowance: 2000 },
      { spendable: 1997, allowance: 2000 },
    ]);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R25: a balance alert in percent of the allowance re-arms on a purchase and on a renewal', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
    // 100% of 2,000 is 2,000: the balance is there already, so the alert fires as it is created.
    const alert = await client.alerts.create({ scope: 'balance', unit: 'percent', threshold: 100 });
    expect(alert.state).toBe('triggered');
    expect(await triggered(workspaceId)).toHaveLength(1);

    await client.purchases.create({ credits: 0.5 });
    expect(await stateOf(client, alert)).toBe('armed');
    await chargeRecords(client, 'rec', 1);
    expect(await stateOf(client, alert)).toBe('triggered');
    expect((await triggered(workspaceId)).at(-1)?.balance).toEqual({ spendable: 1999.5, allowance: 2000 });

    // A renewal adds the next allowance (the unused credits roll over): armed again, nothing fired.
    const renewal = await fetch(`${server.url}/v1/dev/workspaces/${workspaceId}/renew`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(renewal.status).toBe(200);
    expect(await stateOf(client, alert)).toBe('armed');
    expect(await triggered(workspaceId)).toHaveLength(2);
  });

  it('R25: a workbook limit alert fires at its percentage used and re-arms when the limit is raised or switched off', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    await client.spendLimits.update({ workbookId: 'wb_alerts' }, { enabled: true, limit: 10 });
    const alert = await client.alerts.create({
      scope: 'workbook',
      scopeId: 'wb_alerts',
      unit: 'percent',
      threshold: 50,
    });
    await chargeRecords(client, 'rec', 4);
    expect(await triggered(workspaceId)).toEqual([]);
    await chargeRecords(client, 'more', 3);
    expect(await triggered(workspaceId)).toEqual([
      {
        alert: { ...alert, state: 'triggered', triggeredAt: expect.any(String) },
        balance: null,
        spend: { limit: 10, spent: 5, remaining: 5 },
      },
    ]);

    await client.spendLimits.update({ workbookId: 'wb_alerts' }, { enabled: true, limit: 100 });
    expect(await stateOf(client, alert)).toBe('armed');
    await client.spendLimits.update({ workbookId: 'wb_alerts' }, { enabled: true, limit: 14 });
    expect((await triggered(workspaceId)).map((event) => event.spend)).toEqual([
      { limit: 10, spent: 5, remaining: 5 },
      { limit: 14, spent: 7, remaining: 7 },
    ]);
    await client.spendLimits.update({ workbookId: 'wb_alerts' }, { enabled: false, limit: 14 });
    expect(await stateOf(client, alert)).toBe('armed');
    // A charge elsewhere changes nothing for it.
    await client.charges.create(email('other', { workbookId: 'wb_other' }));
    expect(await triggered(workspaceId)).toHaveLength(2);
  });

  it('R25: an enrichment limit alert and a run budget alert each fire once and re-arm on a refund', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url);
    await client.spendLimits.update({ enrichmentId: 'enr_1' }, { enabled: true, limit: 4 });
    await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_alerts', budget: 4 });
    const enrichment = await client.alerts.create({
      scope: 'enrichment',
      scopeId: 'enr_1',
      unit: 'percent',
      threshold: 75,
    });
    const run = await client.alerts.create({ scope: 'run', scopeId: 'run_1', unit: 'percent', threshold: 100 });

    const charges = await chargeRecords(client, 'rec', 4, { enrichmentId: 'enr_1', runId: 'run_1' });
    const events = await triggered(workspaceId);
    expect(events.map((event) => [event.alert.id, event.spend])).toEqual([
      [enrichment.id, { limit: 4, spent: 3, remaining: 1 }],
      [run.id, { limit: 4, spent: 4, remaining: 0 }],
    ]);

    await client.charges.refund((charges[3] as { id: string }).id, { reason: 'no data' });
    expect(await stateOf(client, run)).toBe('armed');
    expect(await stateOf(client, enrichment)).toBe('triggered');
    await client.charges.refund((charges[2] as { id: string }).id, { reason: 'no data' });
    expect(await stateOf(client, enrichment)).toBe('armed');
    await chargeRecords(client, 'again', 2, { enrichmentId: 'enr_1', runId: 'run_1' });
    expect((await triggered(workspaceId)).map((event) => event.alert.id)).toEqual([
      enrichment.id,
      run.id,
      enrichment.id,
      run.id,
    ]);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R25: a group commit of many charges that crosses the threshold fires it exactly once', async () => {
    const { client, workspaceId, secretKey } = await createDevWorkspace(server.url);
    const alert = await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 1950 });
    // Sent together, the charges may share groups (http/charge-batcher.ts), however they fall; test/store/alert-checks
    // charges one group across the threshold, and test/postgres/alerts races them on PostgreSQL.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${server.url}/v1/charges`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(email(`rec_${i}`)),
        }).then((response) => response.status),
      ),
    );
    expect(answers).toEqual(Array(100).fill(201));
    expect((await triggered(workspaceId)).map((event) => event.alert.id)).toEqual([alert.id]);
    expect((await client.balance.retrieve()).spendable).toBe(1900);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('R25: alert.triggered streams over server-sent events', async () => {
    const { client } = await createDevWorkspace(server.url);
    await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 1999 });
    let opened: () => void = () => {};
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let unsubscribe: () => void = () => {};
    const received = new Promise<AlertTriggered>((resolve) => {
      unsubscribe = client.events.subscribe(
        (event) => {
          if (event.type === 'alert.triggered') resolve(event.data);
        },
        { onOpen: () => opened() },
      );
    });
    // The stream starts with the next change: charge once it is open.
    await open;
    await client.charges.create(email('rec_1'));
    expect(await received).toMatchObject({ balance: { spendable: 1999, allowance: 2000 } });
    unsubscribe();
  });
});

describe('R25 alert routes', () => {
  it('R20, R21: members list alerts but cannot change them; another workspace sees none and gets 404', async () => {
    const { client } = await createDevWorkspace(server.url);
    const alert = await client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 10 });
    const { token } = await client.sessions.create({ userId: 'u_member', role: 'member' });
    const member = createCreditClient({ baseUrl: server.url, token: () => token });
    expect((await member.alerts.list()).data).toEqual([alert]);
    for (const attempt of [
      () => member.alerts.create({ scope: 'balance', unit: 'credits', threshold: 5 }),
      () => member.alerts.update(alert.id, { scope: 'balance', unit: 'credits', threshold: 5 }),
      () => member.alerts.delete(alert.id),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    const { token: adminToken } = await client.sessions.create({ userId: 'u_admin', role: 'admin' });
    const admin = createCreditClient({ baseUrl: server.url, token: () => adminToken });
    expect(await admin.alerts.update(alert.id, { scope: 'balance', unit: 'credits', threshold: 5 })).toMatchObject({
      threshold: 5,
    });

    const other = (await createDevWorkspace(server.url)).client;
    expect((await other.alerts.list()).data).toEqual([]);
    await expect(
      other.alerts.update(alert.id, { scope: 'balance', unit: 'credits', threshold: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.alerts.delete(alert.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.alerts.delete(alert.id)).toMatchObject({ id: alert.id, threshold: 5 });
    expect((await client.alerts.list()).data).toEqual([]);
  });

  it('refuses thresholds it cannot use with a 400 naming the field, writing nothing', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    const post = (body: unknown) =>
      fetch(`${server.url}/v1/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Refusal }));
    const refused: [unknown, string][] = [
      [{ scope: 'workbook', scopeId: 'wb', unit: 'percent', threshold: 0 }, 'threshold'],
      [{ scope: 'workbook', scopeId: 'wb', unit: 'percent', threshold: 101 }, 'threshold'],
      [{ scope: 'run', scopeId: 'r', unit: 'percent', threshold: 50.5 }, 'threshold'],
      [{ scope: 'balance', unit: 'credits', threshold: 1.0001 }, 'threshold'],
      [{ scope: 'balance', unit: 'credits', threshold: -1 }, 'threshold'],
      [{ scope: 'balance', unit: 'credits', threshold: 1_000_000_001 }, 'threshold'],
      [{ scope: 'balance', unit: 'credits', threshold: '5' }, 'threshold'],
      [{ scope: 'workbook', scopeId: 'wb', unit: 'credits', threshold: 5 }, 'unit'],
      [{ scope: 'workbook', unit: 'percent', threshold: 5 }, 'scopeId'],
      [{ scope: 'balance', scopeId: 'wb', unit: 'percent', threshold: 5 }, 'scopeId'],
      [{ scope: 'workspace', unit: 'percent', threshold: 5 }, 'scope'],
    ];
    for (const [body, field] of refused) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
      expect(answer.body.details.issues.map((issue) => issue.path[0])).toContain(field);
    }
    // The bounds themselves are accepted: 100%, 1%, 0 credits and 3 decimals.
    for (const body of [
      { scope: 'workbook', scopeId: 'wb', unit: 'percent', threshold: 100 },
      { scope: 'enrichment', scopeId: 'e', unit: 'percent', threshold: 1 },
      { scope: 'balance', unit: 'credits', threshold: 0 },
      { scope: 'balance', unit: 'credits', threshold: 1999.999 },
    ]) {
      expect((await post(body)).status).toBe(201);
    }
    expect((await client.alerts.list()).data).toHaveLength(4);
  });

  it('keeps at most 50 alerts per workspace: the 51st is a 422 too_many_alerts that creates nothing', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    for (let i = 0; i < 50; i += 1) {
      await client.alerts.create({ scope: 'workbook', scopeId: `wb_${i}`, unit: 'percent', threshold: 80 });
    }
    const answer = await fetch(`${server.url}/v1/alerts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', 'idempotency-key': 'k_51' },
      body: JSON.stringify({ scope: 'balance', unit: 'credits', threshold: 1 }),
    });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ code: 'too_many_alerts', details: { maximum: 50 } });
    expect((await client.alerts.list()).data).toHaveLength(50);
    // The refusal leaves the key free: after a delete, the same request with it succeeds.
    const [first] = (await client.alerts.list()).data;
    await client.alerts.delete((first as Alert).id);
    const retried = await client.alerts.create(
      { scope: 'balance', unit: 'credits', threshold: 1 },
      { idempotencyKey: 'k_51' },
    );
    expect(retried.scope).toBe('balance');
  });
});
