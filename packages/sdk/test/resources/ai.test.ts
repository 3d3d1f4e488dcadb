import {
  type AiEstimateCreateParams,
  type AiModel,
  type AiRun,
  type AiRunCreateParams,
  type CreditClient,
  createCreditClient,
  NotFoundError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { fixtures, pagesByCursor } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const bigModel: AiModel = { ...fixtures.aiModel, id: 'gpt-big', name: 'GPT big', inputCreditsPer1kTokens: 2.5 };
const ownKeyModel: AiModel = { ...fixtures.aiModel, id: 'claude-own', provider: 'anthropic', ownKey: true };
const completedRun: AiRun = {
  ...fixtures.aiRun,
  status: 'completed',
  budget: 50,
  spent: 0.28,
  remaining: 0,
  completedAt: '2026-11-02T01:00:00.000Z',
};

describe('ai.models.list', () => {
  it('GETs /v1/ai/models without an idempotency key and resolves to the first page', async () => {
    api.on('GET /v1/ai/models', pagesByCursor([[fixtures.aiModel, bigModel], [ownKeyModel]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.ai.models.list();

    expect(page.data).toEqual([fixtures.aiModel, bigModel]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/ai/models');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('fetches the next page by its cursor with nextPage()', async () => {
    api.on('GET /v1/ai/models', pagesByCursor([[fixtures.aiModel], [ownKeyModel]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const second = await (await client.ai.models.list()).nextPage();

    expect(second?.data).toEqual([ownKeyModel]);
    expect(second?.nextCursor).toBeNull();
    expect(api.requests[1]?.query.get('cursor')).toBe('page-1');
  });

  it('walks every model of every page with for await', async () => {
    api.on('GET /v1/ai/models', pagesByCursor([[fixtures.aiModel], [bigModel], [ownKeyModel]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const seen: AiModel[] = [];
    for await (const model of client.ai.models.list()) seen.push(model);

    expect(seen).toEqual([fixtures.aiModel, bigModel, ownKeyModel]);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
  });
});

describe('ai.estimates.create', () => {
  it('POSTs token counts to /v1/ai/estimates with the caller idempotency key and returns the estimate', async () => {
    api.on('POST /v1/ai/estimates', { body: fixtures.aiEstimate });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    const params = { model: 'gpt-mini', rows: 100, inputTokens: 800, outputTokens: 200 };

    await expect(client.ai.estimates.create(params, { idempotencyKey: 'idem-est-1' })).resolves.toEqual(
      fixtures.aiEstimate,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/ai/estimates');
    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-est-1');
  });

  it('POSTs the prompt text instead of token counts, with a generated UUID idempotency key', async () => {
    api.on('POST /v1/ai/estimates', { body: fixtures.aiEstimate });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    const params = { model: 'gpt-mini', rows: 100, prompt: 'Summarize {{company}} in one line.', outputTokens: 200 };

    await expect(client.ai.estimates.create(params)).resolves.toEqual(fixtures.aiEstimate);
    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each<[string, AiEstimateCreateParams, PropertyKey[]]>([
    // The type already refuses it; a JavaScript caller can still send it.
    [
      'neither inputTokens nor prompt',
      { model: 'gpt-mini', rows: 100, outputTokens: 200 } as unknown as AiEstimateCreateParams,
      [],
    ],
    ['zero rows', { model: 'gpt-mini', rows: 0, inputTokens: 800, outputTokens: 200 }, ['rows']],
    ['fractional rows', { model: 'gpt-mini', rows: 1.5, inputTokens: 800, outputTokens: 200 }, ['rows']],
    ['negative input tokens', { model: 'gpt-mini', rows: 1, inputTokens: -1, outputTokens: 200 }, ['inputTokens']],
    ['NaN output tokens', { model: 'gpt-mini', rows: 1, inputTokens: 1, outputTokens: Number.NaN }, ['outputTokens']],
    ['an empty model id', { model: '', rows: 1, inputTokens: 1, outputTokens: 1 }, ['model']],
    ['a model id with a slash', { model: 'openai/gpt', rows: 1, inputTokens: 1, outputTokens: 1 }, ['model']],
  ])('refuses an estimate with %s before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.ai.estimates.create(params));

    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('ai.runs.create', () => {
  it('POSTs the run and its budget to /v1/ai/runs with the caller idempotency key and returns the run', async () => {
    api.on('POST /v1/ai/runs', { status: 201, body: fixtures.aiRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    const params = { runId: 'run_1', workbookId: 'wb_1', model: 'gpt-mini', budget: 50 };

    await expect(client.ai.runs.create(params, { idempotencyKey: 'idem-run-1' })).resolves.toEqual(fixtures.aiRun);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/ai/runs');
    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-run-1');
  });

  it('generates a UUID idempotency key when the caller gives none', async () => {
    api.on('POST /v1/ai/runs', { status: 201, body: fixtures.aiRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_1', enrichmentId: 'enr_1', budget: 12.345 });

    expect(api.requests[0]?.body).toEqual({
      runId: 'run_1',
      workbookId: 'wb_1',
      enrichmentId: 'enr_1',
      budget: 12.345,
    });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each<[string, AiRunCreateParams, PropertyKey[]]>([
    ['a negative budget', { runId: 'run_1', workbookId: 'wb_1', budget: -1 }, ['budget']],
    ['a zero budget', { runId: 'run_1', workbookId: 'wb_1', budget: 0 }, ['budget']],
    ['a NaN budget', { runId: 'run_1', workbookId: 'wb_1', budget: Number.NaN }, ['budget']],
    ['an infinite budget', { runId: 'run_1', workbookId: 'wb_1', budget: Number.POSITIVE_INFINITY }, ['budget']],
    ['a budget over 3 decimals', { runId: 'run_1', workbookId: 'wb_1', budget: 1.0005 }, ['budget']],
    ['an empty run id', { runId: '', workbookId: 'wb_1', budget: 1 }, ['runId']],
    ['a workbook id with ..', { runId: 'run_1', workbookId: 'wb..1', budget: 1 }, ['workbookId']],
    [
      'an enrichment id with a slash',
      { runId: 'r', workbookId: 'wb', enrichmentId: 'a/b', budget: 1 },
      ['enrichmentId'],
    ],
  ])('refuses a run with %s before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.ai.runs.create(params));

    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('ai.runs.retrieve', () => {
  it('GETs /v1/ai/runs/{id} with the id URL-encoded, without an idempotency key', async () => {
    api.on('GET /v1/ai/runs/run%3A1%40wb%2B1', { body: fixtures.aiRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.ai.runs.retrieve('run:1@wb+1')).resolves.toEqual(fixtures.aiRun);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/ai/runs/run%3A1%40wb%2B1');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('raises NotFoundError for a run the workspace does not have', async () => {
    const reply = problemReply(404, 'not_found');
    api.on('GET /v1/ai/runs/run_9', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.ai.runs.retrieve('run_9').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      requestId: (reply.body as { requestId: string }).requestId,
    });
  });
});

describe('ai.runs.stop', () => {
  it('POSTs to /v1/ai/runs/{id}/stop with no body and an idempotency key, returning the stopped run', async () => {
    const stoppedRun: AiRun = { ...completedRun, stopped: true };
    api.on('POST /v1/ai/runs/run_1/stop', { body: stoppedRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.ai.runs.stop('run_1', { idempotencyKey: 'idem-stop-1' })).resolves.toEqual(stoppedRun);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/ai/runs/run_1/stop');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-stop-1');
  });
});

describe('ai.runs.complete', () => {
  it('POSTs to /v1/ai/runs/{id}/complete with no body and the caller idempotency key, returning the run', async () => {
    api.on('POST /v1/ai/runs/run_1/complete', { body: completedRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.ai.runs.complete('run_1', { idempotencyKey: 'idem-complete-1' })).resolves.toEqual(
      completedRun,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/ai/runs/run_1/complete');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-complete-1');
  });

  it('URL-encodes the run id and generates a UUID idempotency key', async () => {
    api.on('POST /v1/ai/runs/run%C3%A9%3D1/complete', { body: completedRun });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.ai.runs.complete('runé=1')).resolves.toEqual(completedRun);
    expect(api.requests[0]?.path).toBe('/v1/ai/runs/run%C3%A9%3D1/complete');
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });
});

describe.each([
  ['retrieve', (client: CreditClient, id: string) => client.ai.runs.retrieve(id)],
  ['complete', (client: CreditClient, id: string) => client.ai.runs.complete(id)],
])('ai.runs.%s', (_, call) => {
  it.each([
    ['an empty id', ''],
    ['an id with a slash', 'run/1'],
    ['an id of ..', '..'],
    ['an id of . (dropped from the path by URL normalization)', '.'],
    ['an id with a control character', 'run\u001b1'],
  ])('refuses %s with ValidationError before sending anything', async (__, runId) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => call(client, runId));

    expect(issuePathsOf(error)).toContainEqual([]);
    expect(api.requests).toEqual([]);
  });
});
