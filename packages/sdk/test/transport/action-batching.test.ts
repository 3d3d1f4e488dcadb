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
  it('turns 300 same-tick lookups of distinct ids into 3 requests of 100 ids', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    const actions = await Promise.all(ids(300).map((id) => client.actions.retrieve(id)));
    expect(actions.map((action) => action.id)).toEqual(ids(300));
    expect(api.requests).toHaveLength(3);
    expect(api.requests.map((request) => request.query.get('ids')?.split(',').length)).toEqual([100, 100, 100]);
  });

  it('costs ceil(N/100) requests for N ids: 250 ids, 3 requests', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await Promise.all(ids(250).map((id) => client.actions.retrieve(id)));
    expect(api.requests).toHaveLength(3);
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
    expect(api.requests).toHaveLength(3);
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
