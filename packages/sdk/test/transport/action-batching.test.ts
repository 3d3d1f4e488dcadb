import { createCreditClient, NotFoundError } from '@creditkit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, pageOf } from '../support/fixtures';
import { type StubApi, startStubApi } from '../support/stub-api';

let api: StubApi;
beforeEach(async () => {
  api = await startStubApi();
  // Knows every action id except those starting with "retired-".
  api.on('GET /v1/actions', (request) => {
    const ids = (request.query.get('ids') ?? '').split(',').filter((id) => !id.startsWith('retired-'));
    return { body: pageOf(ids.map((id) => ({ ...fixtures.action, id }))) };
  });
});
afterEach(() => api.close());

const ids = (count: number, prefix = 'action') => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('actions.retrieve batching', () => {
  it('turns 300 same-tick lookups of distinct ids into 1 request', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    const actions = await Promise.all(ids(300).map((id) => client.actions.retrieve(id)));
    expect(actions.map((action) => action.id)).toEqual(ids(300));
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.query.get('ids')?.split(',')).toEqual(ids(300));
  });

  it('sends at most 500 ids per request: 1,200 short ids, 3 requests', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await Promise.all(ids(1200, 'a').map((id) => client.actions.retrieve(id)));
    expect(api.requests.map((request) => request.query.get('ids')?.split(',').length)).toEqual([500, 500, 200]);
  });

  it('keeps each request line under 8 KB however long the ids: 300 ids of 60 characters, 3 requests', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const longIds = ids(300, 'x'.repeat(55));

    const actions = await Promise.all(longIds.map((id) => client.actions.retrieve(id)));
    expect(actions.map((action) => action.id)).toEqual(longIds);
    const lengths = api.requests.map((request) => encodeURIComponent(request.query.get('ids') ?? '').length);
    expect(lengths).toHaveLength(3);
    for (const length of lengths) expect(length).toBeLessThanOrEqual(7000);
  });

  it('asks once for an id requested many times in the same tick', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await Promise.all(Array.from({ length: 20 }, () => client.actions.retrieve('find-email')));
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.query.get('ids')).toBe('find-email');
  });

  it('answers again from its cache without a request', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await Promise.all(ids(300).map((id) => client.actions.retrieve(id)));
    await Promise.all(ids(300).map((id) => client.actions.retrieve(id)));
    expect(api.requests).toHaveLength(1);
  });

  it('rejects only the ids the API does not know, with NotFoundError', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    const [known, retired] = await Promise.allSettled([
      client.actions.retrieve('find-email'),
      client.actions.retrieve('retired-lookup'),
    ]);
    expect(known).toMatchObject({ status: 'fulfilled', value: { id: 'find-email' } });
    expect(retired).toMatchObject({ status: 'rejected', reason: expect.any(NotFoundError) });
    expect(api.requests).toHaveLength(1);
  });

  it('lets one caller abort without cancelling the batch the others wait on', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const controller = new AbortController();

    const leaving = client.actions.retrieve('find-email', { signal: controller.signal });
    const staying = client.actions.retrieve('find-email');
    controller.abort(new Error('unmounted'));
    await expect(leaving).rejects.toThrow('unmounted');
    await expect(staying).resolves.toMatchObject({ id: 'find-email' });
  });
});
