import { type Action, type ActionListParams, createCreditClient, NotFoundError, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures, pageOf, pagesByCursor } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const findEmail: Action = { ...fixtures.action, id: 'find-email', name: 'Find email', dataType: 'email', credits: 1 };
const summarize: Action = {
  ...fixtures.action,
  id: 'summarize',
  name: 'Summarize',
  provider: 'openai',
  dataType: 'text',
  kind: 'ai',
  model: 'gpt-mini',
  credits: 0.28,
  effectiveCredits: 0.28,
};

describe('actions.list', () => {
  it('GETs /v1/actions without ids or an idempotency key and resolves to the first page', async () => {
    api.on('GET /v1/actions', pagesByCursor([[fixtures.action, findEmail], [summarize]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.actions.list();

    expect(page.data).toEqual([fixtures.action, findEmail]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/actions');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('sends the ids comma-joined in one `ids` query parameter', async () => {
    api.on('GET /v1/actions', { body: pageOf([fixtures.action, findEmail, summarize]) });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.actions.list({ ids: ['find-mobile-phone', 'find-email', 'summarize'] });

    expect(page.data).toEqual([fixtures.action, findEmail, summarize]);
    expect(page.nextCursor).toBeNull();
    expect(api.requests[0]?.query.getAll('ids')).toEqual(['find-mobile-phone,find-email,summarize']);
    // Form style, explode false: the commas between ids are literal; an encoded one (%2C) would be inside an id.
    expect(api.requests[0]?.search).toBe('?ids=find-mobile-phone,find-email,summarize');
  });

  it('walks every page with for await, keeping the ids on every page', async () => {
    api.on('GET /v1/actions', pagesByCursor([[fixtures.action], [findEmail], [summarize]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const seen: Action[] = [];
    for await (const action of client.actions.list({ ids: ['find-mobile-phone', 'find-email', 'summarize'] })) {
      seen.push(action);
    }

    expect(seen).toEqual([fixtures.action, findEmail, summarize]);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
    expect(new Set(api.requests.map((request) => request.query.get('ids')))).toEqual(
      new Set(['find-mobile-phone,find-email,summarize']),
    );
  });

  it('fetches the next page with nextPage() and ends with null', async () => {
    api.on('GET /v1/actions', pagesByCursor([[fixtures.action], [findEmail]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const second = await (await client.actions.list()).nextPage();

    expect(second?.data).toEqual([findEmail]);
    await expect(second?.nextPage()).resolves.toBeNull();
    expect(api.requests).toHaveLength(2);
  });

  it.each<[string, ActionListParams, PropertyKey[]]>([
    ['an empty ids list', { ids: [] }, ['ids']],
    ['more than 500 ids', { ids: Array.from({ length: 501 }, (_, index) => `action-${index}`) }, ['ids']],
    ['an empty id', { ids: ['find-email', ''] }, ['ids', 1]],
    ['an id with a slash', { ids: ['find/email'] }, ['ids', 0]],
    ['an id with ..', { ids: ['..'] }, ['ids', 0]],
    [
      'an id with a comma, which the comma-joined query would split',
      { ids: ['find-email,find-mobile-phone'] },
      ['ids', 0],
    ],
    ['an id with a control character', { ids: ['find\u0007email'] }, ['ids', 0]],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.actions.list(params))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('actions.retrieve', () => {
  it('rejects with NotFoundError when the batch answer lacks the id', async () => {
    api.on('GET /v1/actions', { body: pageOf([fixtures.action]) });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const [found, missing] = await Promise.allSettled([
      client.actions.retrieve('find-mobile-phone'),
      client.actions.retrieve('no-such-action'),
    ]);

    expect(found).toEqual({ status: 'fulfilled', value: fixtures.action });
    expect(missing?.status).toBe('rejected');
    const error = (missing as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it.each([
    ['an empty id', ''],
    ['an id with a slash', 'find/email'],
    ['an id with ..', 'find..email'],
    ['an id with a comma, which the comma-joined query would split', 'find-email,find-mobile-phone'],
    ['an id with a control character', 'find\nemail'],
  ])('refuses %s with ValidationError without a request', async (_, actionId) => {
    api.on('GET /v1/actions', { body: pageOf([fixtures.action]) });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.actions.retrieve(actionId))
      .catch((caught: unknown) => caught);
    // A request queued for the next tick would still reach the stub after this wait.
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.length).toBeGreaterThan(0);
    expect(api.requests).toEqual([]);
  });
});
