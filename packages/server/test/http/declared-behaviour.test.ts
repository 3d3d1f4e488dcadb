import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// What openapi.json declares and a generated client relies on, where the server once did something else:
// replayed answers, who may renew a dev workspace, and query parameters given in either array style.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(path: string, init: { method?: string; token?: string; key?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
      ...(init.key === undefined ? {} : { 'idempotency-key': init.key }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} } as Answer;
}

async function sessionToken(secretKey: string, role: 'admin' | 'member'): Promise<string> {
  const answer = await call('/v1/sessions', { method: 'POST', token: secretKey, body: { userId: `u_${role}`, role } });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

describe('a repeated Idempotency-Key', () => {
  it('replays the first answer marked Idempotent-Replayed, with the first request id in the body and its own in the header', async () => {
    const { secretKey } = await createDevWorkspace(server.url, 'free');
    const budget = { runId: 'run_big', workbookId: 'wb_1', budget: 1_000_000 };

    const first = await call('/v1/ai/runs', { method: 'POST', token: secretKey, key: 'k_refused', body: budget });
    const again = await call('/v1/ai/runs', { method: 'POST', token: secretKey, key: 'k_refused', body: budget });

    expect(first.status).toBe(402);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body.requestId).toBe(first.headers.get('x-request-id'));
    expect(again.status).toBe(402);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('marks a replayed success too, and only the replay', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const body = { actionId: 'find-work-email', workbookId: 'wb_1', recordId: 'rec_1', field: 'email' };

    const first = await call('/v1/charges', { method: 'POST', token: secretKey, key: 'k_charge', body });
    const again = await call('/v1/charges', { method: 'POST', token: secretKey, key: 'k_charge', body });

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('names the taken run id when a run id is reused under a new key (run_exists)', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const run = { runId: 'run_1', workbookId: 'wb_1', budget: 5 };
    expect((await call('/v1/ai/runs', { method: 'POST', token: secretKey, key: 'k_1', body: run })).status).toBe(201);

    const reused = await call('/v1/ai/runs', { method: 'POST', token: secretKey, key: 'k_2', body: run });

    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ code: 'run_exists', details: { issues: [{ path: ['runId'] }] } });
  });
});

describe('dev mode routes, as declared', () => {
  it('renews a workspace for its secret key only: session tokens, admin or member, get 403', async () => {
    const { secretKey, workspaceId } = await createDevWorkspace(server.url);
    const path = `/v1/dev/workspaces/${workspaceId}/renew`;

    for (const role of ['admin', 'member'] as const) {
      const refused = await call(path, { method: 'POST', token: await sessionToken(secretKey, role) });
      expect(refused.status, role).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await call(path, { method: 'POST', token: secretKey })).status).toBe(200);
  });

  it('creates a workspace without any credential', async () => {
    const created = await call('/v1/dev/workspaces', { method: 'POST', body: { planId: 'free' } });

    expect(created.status).toBe(201);
    expect(created.body.secretKey).toMatch(/^sk_/);
  });
});

describe('query parameters', () => {
  it('answers for every id whether ids are comma-joined or repeated', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const wanted = ['find-work-email', 'find-mobile-phone'];

    const joined = await call(`/v1/actions?ids=${wanted.join(',')}`, { token: secretKey });
    const repeated = await call(`/v1/actions?${wanted.map((id) => `ids=${id}`).join('&')}`, { token: secretKey });

    for (const answer of [joined, repeated]) {
      expect(answer.status).toBe(200);
      expect((answer.body.data as { id: string }[]).map((action) => action.id).sort()).toEqual([...wanted].sort());
    }
  });

  it('refuses a single-valued parameter given twice instead of reading one of them', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const answer = await call('/v1/ledger?limit=1&limit=100', { token: secretKey });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: ['limit'] }] } });
  });
});

describe('text lengths', () => {
  it("counts characters as the document's maxLength does: an emoji is one", async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const idOf = (emoji: number) => encodeURIComponent('😀'.repeat(emoji));

    const longest = await call(`/v1/workbooks/${idOf(200)}/spend-limit`, { token: secretKey });
    const tooLong = await call(`/v1/workbooks/${idOf(201)}/spend-limit`, { token: secretKey });

    expect(longest.status).toBe(200);
    expect(tooLong.status).toBe(400);
  });
});
