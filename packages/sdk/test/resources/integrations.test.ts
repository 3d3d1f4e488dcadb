import { createCreditClient, type Integration, PermissionDeniedError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { fixtures, pageOf, pagesByCursor } from '../support/fixtures';
import { problemReply, type StubApi, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const withoutKey: Integration = { ...fixtures.integration, ownKey: false, keyLast4: null, updatedAt: null };
const openai: Integration = { ...withoutKey, provider: 'openai', name: 'OpenAI' };
const anthropic: Integration = { ...withoutKey, provider: 'anthropic', name: 'Anthropic' };

function actionRequestsIn(stub: StubApi) {
  return stub.requests.filter((request) => request.path === '/v1/actions');
}

describe('integrations.list', () => {
  it('GETs /v1/integrations without an idempotency key and resolves to the first page', async () => {
    api.on('GET /v1/integrations', pagesByCursor([[fixtures.integration, openai], [anthropic]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.integrations.list();

    expect(page.data).toEqual([fixtures.integration, openai]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/integrations');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('fetches the next page by its cursor with nextPage()', async () => {
    api.on('GET /v1/integrations', pagesByCursor([[fixtures.integration], [anthropic]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const second = await (await client.integrations.list()).nextPage();

    expect(second?.data).toEqual([anthropic]);
    expect(second?.nextCursor).toBeNull();
    expect(api.requests[1]?.query.get('cursor')).toBe('page-1');
  });

  it('walks every integration of every page with for await', async () => {
    api.on('GET /v1/integrations', pagesByCursor([[fixtures.integration], [openai], [anthropic]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const providers: string[] = [];
    for await (const integration of client.integrations.list()) providers.push(integration.provider);

    expect(providers).toEqual(['phonebook', 'openai', 'anthropic']);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
  });
});

describe('integrations.setKey', () => {
  it('PUTs { apiKey } to /v1/integrations/{provider}/key with the caller idempotency key', async () => {
    api.on('PUT /v1/integrations/phonebook/key', { body: fixtures.integration });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.integrations.setKey('phonebook', { apiKey: 'pb_live_1234a1b2' }, { idempotencyKey: 'idem-key-1' }),
    ).resolves.toEqual(fixtures.integration);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('PUT');
    expect(api.requests[0]?.path).toBe('/v1/integrations/phonebook/key');
    expect(api.requests[0]?.body).toEqual({ apiKey: 'pb_live_1234a1b2' });
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-key-1');
  });

  it('URL-encodes the provider and generates a UUID idempotency key', async () => {
    api.on('PUT /v1/integrations/acme%3Aeu/key', { body: { ...fixtures.integration, provider: 'acme:eu' } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.integrations.setKey('acme:eu', { apiKey: 'acme_key_5678' });

    expect(api.requests[0]?.path).toBe('/v1/integrations/acme%3Aeu/key');
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it('forgets cached action costs, so the next actions.retrieve asks the API again', async () => {
    api.on('GET /v1/actions', { body: pageOf([fixtures.action]) });
    api.on('PUT /v1/integrations/phonebook/key', { body: fixtures.integration });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.actions.retrieve('find-mobile-phone');
    await client.actions.retrieve('find-mobile-phone');
    expect(actionRequestsIn(api)).toHaveLength(1);

    await client.integrations.setKey('phonebook', { apiKey: 'pb_live_1234a1b2' });
    api.on('GET /v1/actions', { body: pageOf([{ ...fixtures.action, ownKey: true, effectiveCredits: 0 }]) });

    await expect(client.actions.retrieve('find-mobile-phone')).resolves.toMatchObject({ effectiveCredits: 0 });
    expect(actionRequestsIn(api)).toHaveLength(2);
  });

  it.each([
    ['a key shorter than 8 characters', 'phonebook', 'short', ['apiKey']],
    ['a key with a NUL', 'phonebook', 'pb_live_\u00001234', ['apiKey']],
    ['a key with an unpaired surrogate', 'phonebook', 'pb_live_1234\ud800', ['apiKey']],
    ['an empty provider', '', 'pb_live_1234a1b2', []],
    ['a provider with a slash', 'phone/book', 'pb_live_1234a1b2', []],
    ['a provider of ..', '..', 'pb_live_1234a1b2', []],
    ['a provider with a control character', 'phone\u0000book', 'pb_live_1234a1b2', []],
  ])('refuses %s with ValidationError before sending anything', async (_, provider, apiKey, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.integrations.setKey(provider, { apiKey }));

    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a member sets a key', async () => {
    const reply = problemReply(403, 'forbidden');
    api.on('PUT /v1/integrations/phonebook/key', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.integrations
      .setKey('phonebook', { apiKey: 'pb_live_1234a1b2' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      code: 'forbidden',
      status: 403,
      requestId: (reply.body as { requestId: string }).requestId,
    });
  });
});

describe('integrations.deleteKey', () => {
  it('DELETEs /v1/integrations/{provider}/key with no body and the caller idempotency key', async () => {
    api.on('DELETE /v1/integrations/phonebook/key', { body: withoutKey });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.integrations.deleteKey('phonebook', { idempotencyKey: 'idem-del-1' })).resolves.toEqual(
      withoutKey,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('DELETE');
    expect(api.requests[0]?.path).toBe('/v1/integrations/phonebook/key');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-del-1');
  });

  it('URL-encodes the provider and generates a UUID idempotency key', async () => {
    api.on('DELETE /v1/integrations/acme%40eu/key', { body: withoutKey });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.integrations.deleteKey('acme@eu');

    expect(api.requests[0]?.path).toBe('/v1/integrations/acme%40eu/key');
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it('forgets cached action costs, so the next actions.retrieve asks the API again', async () => {
    api.on('GET /v1/actions', { body: pageOf([{ ...fixtures.action, ownKey: true, effectiveCredits: 0 }]) });
    api.on('DELETE /v1/integrations/phonebook/key', { body: withoutKey });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.actions.retrieve('find-mobile-phone');
    await client.integrations.deleteKey('phonebook');
    api.on('GET /v1/actions', { body: pageOf([fixtures.action]) });

    await expect(client.actions.retrieve('find-mobile-phone')).resolves.toMatchObject({ effectiveCredits: 5 });
    expect(actionRequestsIn(api)).toHaveLength(2);
  });

  it.each([
    ['an empty provider', ''],
    ['a provider with a slash', 'a/b'],
    ['a provider with ..', 'a..b'],
    ['a provider of . (dropped from the path by URL normalization)', '.'],
    ['a provider with a control character', 'a\rb'],
  ])('refuses %s with ValidationError before sending anything', async (_, provider) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.integrations.deleteKey(provider));

    expect(issuePathsOf(error)).toContainEqual([]);
    expect(api.requests).toEqual([]);
  });
});
