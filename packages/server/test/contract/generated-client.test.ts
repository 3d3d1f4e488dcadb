import createClient, { type QuerySerializerOptions } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import type { paths } from '../generated/credit-api';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

/**
 * A client generated from the published contract alone (openapi-typescript types of
 * `@creditkit/sdk/openapi.json`, called with openapi-fetch) calls the real server: the document is enough
 * to call the API. generated-types.test-d.ts holds its types to the SDK's precision.
 */

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Lists travel as the document declares them, `ids=a,b` (`style: form, explode: false`). */
const listsAsDeclared: QuerySerializerOptions = { array: { style: 'form', explode: false } };

/** A fresh workspace and a generated client on its secret key. */
async function generatedClient(querySerializer = listsAsDeclared) {
  const { secretKey } = await createDevWorkspace(server.url);
  return createClient<paths>({
    baseUrl: server.url,
    headers: { authorization: `Bearer ${secretKey}` },
    querySerializer,
  });
}

const emailOf = (recordId: string) => ({ actionId: 'find-work-email', workbookId: 'wb_1', recordId, field: 'email' });

describe('a client generated from openapi.json, against the reference server', () => {
  it('reads the balance and the costs of actions named by ids', async () => {
    const api = await generatedClient();
    const balance = await api.GET('/v1/balance');
    expect(balance.response.status).toBe(200);
    expect(balance.data).toMatchObject({ spendable: 2000, allowance: 2000 });

    const actions = await api.GET('/v1/actions', {
      params: { query: { ids: ['find-work-email', 'find-mobile-phone'] } },
    });
    expect(actions.response.status).toBe(200);
    expect(actions.data?.data.map((action) => action.id).sort()).toEqual(['find-mobile-phone', 'find-work-email']);
  });

  it('lists actions by ids sent in the repeated style, `ids=a&ids=b`, which generated clients send by default', async () => {
    // openapi-fetch's own default for arrays, whatever the document declares.
    const api = await generatedClient({ array: { style: 'form', explode: true } });
    const actions = await api.GET('/v1/actions', {
      params: { query: { ids: ['find-work-email', 'find-mobile-phone'] } },
    });
    expect(actions.response.status).toBe(200);
    expect(actions.data?.data.map((action) => action.id).sort()).toEqual(['find-mobile-phone', 'find-work-email']);
  });

  it('charges once per Idempotency-Key, and reads a spend-limit refusal as a typed problem', async () => {
    const api = await generatedClient();
    const limit = await api.PUT('/v1/workbooks/{workbookId}/spend-limit', {
      params: { path: { workbookId: 'wb_1' } },
      body: { enabled: true, limit: 1 },
    });
    expect(limit.data).toMatchObject({ scope: 'workbook', id: 'wb_1', enabled: true, limit: 1, spent: 0 });

    const charge = () =>
      api.POST('/v1/charges', { params: { header: { 'Idempotency-Key': 'rec_1-email' } }, body: emailOf('rec_1') });
    const first = await charge();
    const repeat = await charge();
    expect(first.response.status).toBe(201);
    expect(first.data).toMatchObject({ status: 'charged', credits: 1 });
    expect(repeat.data?.id).toBe(first.data?.id);

    const refused = await api.POST('/v1/charges', {
      params: { header: { 'Idempotency-Key': 'rec_2-email' } },
      body: emailOf('rec_2'),
    });
    expect(refused.response.status).toBe(402);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error).toMatchObject({
      code: 'workbook_limit_reached',
      details: { scope: 'workbook', id: 'wb_1', limit: 1, spent: 1, remaining: 0 },
    });

    const usage = await api.GET('/v1/usage', { params: { query: { groupBy: 'action' } } });
    expect(usage.response.status).toBe(200);
    expect(usage.data).toMatchObject({ groupBy: 'action', totals: { charges: 1, charged: 1, net: 1 } });
    expect(usage.data?.data).toEqual([{ key: 'find-work-email', charges: 1, charged: 1, refunded: 0, net: 1 }]);
  });

  it('estimates an AI run from token counts', async () => {
    const api = await generatedClient();
    const estimate = await api.POST('/v1/ai/estimates', {
      body: { model: 'gpt-mini', rows: 10, inputTokens: 1000, outputTokens: 1000 },
    });
    expect(estimate.response.status).toBe(200);
    // 1,000 input tokens at 0.2 and 1,000 output tokens at 0.6 credits per 1,000 tokens.
    expect(estimate.data).toMatchObject({ model: 'gpt-mini', rows: 10, perRow: 0.8, total: 8 });
  });
});
