import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// R13: the dedup key is action + record + field. A free action on a field must not make a paid one on the
// same field free, and the same action on the same record and field is still charged once.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function postCharge(secretKey: string, body: Record<string, unknown>) {
  return fetch(`${server.url}/v1/charges`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
}

const onVipMobile = (actionId: string) => ({ actionId, workbookId: 'wb_people', recordId: 'vip', field: 'mobile' });

describe('dedup keyed by action, record and field (R13)', () => {
  it('a free action on a field does not make a paid one on the same field free', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    expect(await postCharge(secretKey, onVipMobile('lookup-company-domain'))).toMatchObject({
      status: 201,
      body: { status: 'charged', credits: 0 },
    });
    expect(await postCharge(secretKey, onVipMobile('find-mobile-phone'))).toMatchObject({
      status: 201,
      body: { status: 'charged', credits: 10 },
    });
    // The same paid action again on the same record and field: deduplicated, whichever audience asks.
    expect(await postCharge(secretKey, { ...onVipMobile('find-mobile-phone'), audienceId: 'aud_2' })).toMatchObject({
      status: 201,
      body: { status: 'deduplicated', credits: 0 },
    });
    expect((await client.balance.retrieve()).spendable).toBe(2000 - 10);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('a refund releases only its own action’s key', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    const email = { workbookId: 'wb_people', recordId: 'rec_1', field: 'email' };
    const found = await postCharge(secretKey, { ...email, actionId: 'find-work-email' });
    const verified = await postCharge(secretKey, { ...email, actionId: 'verify-email' });
    expect(verified).toMatchObject({ status: 201, body: { status: 'charged', credits: 0.5 } });
    await client.charges.refund(found.body.id as string, { reason: 'provider returned nothing' });
    expect(await postCharge(secretKey, { ...email, actionId: 'find-work-email' })).toMatchObject({
      body: { status: 'charged', credits: 1 },
    });
    expect(await postCharge(secretKey, { ...email, actionId: 'verify-email' })).toMatchObject({
      body: { status: 'deduplicated', credits: 0 },
    });
  });
});

describe('a charge’s trigger (R24)', () => {
  it('a re-run or an Auto-Update refresh of an action already paid is charged again, and still limited', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    const phone = onVipMobile('find-mobile-phone');
    expect(await postCharge(secretKey, phone)).toMatchObject({ body: { trigger: 'run', credits: 10 } });
    expect(await postCharge(secretKey, { ...phone, trigger: 'run' })).toMatchObject({
      body: { trigger: 'run', status: 'deduplicated', credits: 0 },
    });
    expect(await postCharge(secretKey, { ...phone, trigger: 'rerun' })).toMatchObject({
      body: { trigger: 'rerun', status: 'charged', credits: 10 },
    });
    expect(await postCharge(secretKey, { ...phone, trigger: 'auto_update' })).toMatchObject({
      body: { trigger: 'auto_update', status: 'charged', credits: 10 },
    });
    await client.spendLimits.update({ workbookId: 'wb_people' }, { enabled: true, limit: 35 });
    expect(await postCharge(secretKey, { ...phone, trigger: 'rerun' })).toMatchObject({
      status: 402,
      body: { code: 'workbook_limit_reached' },
    });
    // A re-run left the first charge's key in place: a plain run is still deduplicated.
    expect(await postCharge(secretKey, phone)).toMatchObject({ body: { status: 'deduplicated', credits: 0 } });
    expect((await client.balance.retrieve()).spendable).toBe(2000 - 30);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('refunding the charge that paid first hands its key to a re-run that paid since, not to nobody', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    const phone = onVipMobile('find-mobile-phone');
    const first = await postCharge(secretKey, phone);
    const rerun = await postCharge(secretKey, { ...phone, trigger: 'rerun' });
    expect(rerun).toMatchObject({ body: { status: 'charged', credits: 10 } });
    // The first charge's provider delivered nothing; the re-run's did, so the field stays paid.
    await client.charges.refund(first.body.id as string, { reason: 'provider returned nothing' });
    expect(await postCharge(secretKey, phone)).toMatchObject({ body: { status: 'deduplicated', credits: 0 } });
    // Once the re-run is refunded too, nothing paid for the field: the next run is charged.
    await client.charges.refund(rerun.body.id as string, { reason: 'provider returned nothing' });
    expect(await postCharge(secretKey, phone)).toMatchObject({ body: { status: 'charged', credits: 10 } });
    expect((await client.balance.retrieve()).spendable).toBe(2000 - 10);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('refuses an unknown trigger with a 400 that writes nothing', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    expect(await postCharge(secretKey, { ...onVipMobile('find-mobile-phone'), trigger: 'refresh' })).toMatchObject({
      status: 400,
    });
  });
});
