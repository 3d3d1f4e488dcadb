import { createCreditClient, type UsageActivity } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { chargeTwoDaysOfActivity, twoDaysOfActivity } from '../support/activity-scenario';
import { startTestServer } from '../support/test-server';

let api: RunningServer;
let clock = new Date('2026-03-09T08:00:00.000Z');
let workspaces: Awaited<ReturnType<typeof chargeTwoDaysOfActivity>>;

beforeAll(async () => {
  api = await startTestServer({ now: () => clock });
  workspaces = await chargeTwoDaysOfActivity(api.url, { set: (instant) => (clock = new Date(instant)) });
});
afterAll(() => api.close());

function get(path: string, secretKey = workspaces.mine.secretKey) {
  return fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${secretKey}` } });
}

describe('GET /v1/usage/activity (R24)', () => {
  it('explains every charge: by day, newest first, workbook, action, trigger and run, with refunds by reason', async () => {
    const page = await workspaces.mine.client.usage.activity();
    expect(page.data).toEqual(twoDaysOfActivity);
    expect(page.nextCursor).toBeNull();
    const response = await get('/v1/usage/activity');
    expect(await response.json()).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
      data: twoDaysOfActivity,
      nextCursor: null,
    });
  });

  it('pages by the last group read, and every page together is the whole answer', async () => {
    const first = await workspaces.mine.client.usage.activity({ limit: 2 });
    expect(first.data).toEqual(twoDaysOfActivity.slice(0, 2));
    const second = await workspaces.mine.client.usage.activity({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.data).toEqual(twoDaysOfActivity.slice(2, 4));
    const third = await second.nextPage();
    expect(third?.data).toEqual(twoDaysOfActivity.slice(4));
    expect(third?.nextCursor).toBeNull();
    const walked: UsageActivity[] = [];
    for await (const row of workspaces.mine.client.usage.activity({ limit: 1 })) walked.push(row);
    expect(walked).toEqual(twoDaysOfActivity);
  });

  it('keeps its place while new charges arrive on a day already read', async () => {
    const first = await workspaces.mine.client.usage.activity({ limit: 4 });
    expect(first.data).toEqual(twoDaysOfActivity.slice(0, 4));
    clock = new Date('2026-03-10T19:00:00.000Z');
    await workspaces.mine.client.charges.create({
      actionId: 'verify-email',
      workbookId: 'wb_a',
      recordId: 'rec_9',
      field: 'ok',
    });
    clock = new Date('2026-03-10T18:00:00.000Z');
    const second = await workspaces.mine.client.usage.activity({ limit: 4, cursor: first.nextCursor ?? '' });
    expect(second.data).toEqual(twoDaysOfActivity.slice(4));
    expect((await workspaces.mine.client.usage.activity({ limit: 1 })).data).toMatchObject([{ workbookId: 'wb_a' }]);
  });

  it('narrows to a workbook, an action, a trigger and a period', async () => {
    const read = async (query: string) =>
      ((await (await get(`/v1/usage/activity?${query}`)).json()) as { data: UsageActivity[] }).data;
    expect(await read('workbookId=wb_ai')).toEqual(twoDaysOfActivity.slice(0, 2));
    expect(await read('trigger=rerun')).toEqual([twoDaysOfActivity[3]]);
    expect(await read('trigger=auto_update&workbookId=wb_people')).toEqual([twoDaysOfActivity[2]]);
    expect(await read('actionId=ai-write-gpt-mini&to=2026-03-10')).toEqual(twoDaysOfActivity.slice(0, 2));
    expect(await read('from=2026-03-09&to=2026-03-09')).toEqual(twoDaysOfActivity.slice(3));
    expect(await read('from=2026-03-11&to=2026-03-31')).toEqual([]);
  });

  it("R21: shows another workspace's charges to nobody, even in a workbook of the same name", async () => {
    const theirs = await workspaces.theirs.client.usage.activity();
    expect(theirs.data).toMatchObject([{ workbookId: 'wb_people', actionId: 'find-mobile-phone', charges: 1 }]);
    expect((await workspaces.mine.client.usage.activity()).data.map((row) => row.actionId)).not.toContain(
      'find-mobile-phone',
    );
  });

  it('is read by a member session: explaining charges is not an admin matter (R20)', async () => {
    const { token } = await workspaces.mine.client.sessions.create({ userId: 'user_m', role: 'member' });
    const member = createCreditClient({ baseUrl: api.url, token: () => token });
    expect((await member.usage.activity({ trigger: 'rerun' })).data).toEqual([twoDaysOfActivity[3]]);
  });

  it.each([
    ['a period of 93 days', 'from=2026-01-01&to=2026-04-03', 'from'],
    ['a from after to', 'from=2026-03-10&to=2026-03-09', 'from'],
    ['a trigger it does not know', 'trigger=manual', 'trigger'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit of 101', 'limit=101', 'limit'],
    ['a cursor it never gave', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a cursor of a number', 'cursor=NTA', 'cursor'],
    ['an action id with a slash', 'actionId=a%2Fb', 'actionId'],
  ])('answers %s with a 400 problem naming the parameter', async (_, query, parameter) => {
    const response = await get(`/v1/usage/activity?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; details: { issues: { path: string[] }[] } };
    expect(problem.code).toBe('validation_failed');
    expect(problem.details.issues.map((issue) => issue.path)).toContainEqual([parameter]);
  });

  it('covers 92 days at most, both days included', async () => {
    expect((await get('/v1/usage/activity?from=2026-01-01&to=2026-04-02')).status).toBe(200);
  });

  it('answers without a credential with 401', async () => {
    expect((await fetch(`${api.url}/v1/usage/activity`)).status).toBe(401);
  });
});

describe('POST /v1/ai/runs/{runId}/stop (R16)', () => {
  it('completes a run as stopped midway, releasing its budget; its charges stay', async () => {
    const { client } = workspaces.mine;
    const before = (await client.balance.retrieve()).spendable;
    await client.ai.runs.create({ runId: 'run_halt', workbookId: 'wb_ai', model: 'gpt-mini', budget: 5 });
    await client.charges.create({
      actionId: 'ai-write-gpt-mini',
      workbookId: 'wb_ai',
      recordId: 'rec_halt',
      field: 'summary',
      runId: 'run_halt',
      usage: { inputTokens: 1000, outputTokens: 1000 },
    });
    const stopped = await client.ai.runs.stop('run_halt', { idempotencyKey: 'halt-1' });
    expect(stopped).toMatchObject({ status: 'completed', stopped: true, spent: 0.8, remaining: 0 });
    expect((await client.balance.retrieve()).spendable).toBe(before - 0.8);
    // Only the first ending says how the run ended: completing it afterwards keeps it stopped, and the other way round.
    expect(await client.ai.runs.complete('run_halt')).toMatchObject({ stopped: true });
    expect(await client.ai.runs.stop('run_done')).toMatchObject({ stopped: false });
    expect(await client.ai.runs.retrieve('run_halt')).toMatchObject({ stopped: true });
  });

  it('answers a run it does not know with 404', async () => {
    const response = await fetch(`${api.url}/v1/ai/runs/run_nobody/stop`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspaces.mine.secretKey}`, 'idempotency-key': 'stop-nobody' },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('not_found');
  });
});
