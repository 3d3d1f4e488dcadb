import { AuthenticationError, ConnectionError, CreditError, createCreditClient } from '@creditkit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures } from '../support/fixtures';
import { problemReply, type StubApi, startStubApi } from '../support/stub-api';

let api: StubApi;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
  Reflect.deleteProperty(globalThis, 'document');
});

/** Makes the SDK see a browser page, as it would in a bundle. */
function pretendBrowser() {
  Object.defineProperty(globalThis, 'document', { value: {}, configurable: true });
}

describe('session tokens', () => {
  it('asks for a token once and reuses it across calls', async () => {
    api.on('GET /v1/balance', { body: fixtures.balance });
    let asked = 0;
    const client = createCreditClient({ baseUrl: api.url, token: async () => `st_${++asked}` });

    await Promise.all([client.balance.retrieve(), client.balance.retrieve(), client.balance.retrieve()]);
    expect(asked).toBe(1);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill('Bearer st_1'));
  });

  it('asks again once after a 401 and resends the call with the fresh token', async () => {
    api.on('GET /v1/balance', (request) =>
      request.headers.authorization === 'Bearer st_2' ? { body: fixtures.balance } : problemReply(401, 'unauthorized'),
    );
    let asked = 0;
    const client = createCreditClient({ baseUrl: api.url, token: () => `st_${++asked}` });

    await expect(client.balance.retrieve()).resolves.toEqual(fixtures.balance);
    expect(asked).toBe(2);
  });

  it('gives up with AuthenticationError when the fresh token is refused too', async () => {
    api.on('GET /v1/balance', problemReply(401, 'unauthorized'));
    let asked = 0;
    const client = createCreditClient({ baseUrl: api.url, token: () => `st_${++asked}` });

    await expect(client.balance.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
    expect(asked).toBe(2);
    expect(api.requests).toHaveLength(2);
  });

  it('does not resend on 401 with a secret key, which cannot be refreshed', async () => {
    api.on('GET /v1/balance', problemReply(401, 'unauthorized'));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_revoked' });

    await expect(client.balance.retrieve()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(api.requests).toHaveLength(1);
  });
});

describe('secret keys in a browser', () => {
  it('refuses a secret key when the SDK runs in a page', () => {
    pretendBrowser();
    expect(() => createCreditClient({ baseUrl: api.url, apiKey: 'sk_live_123' })).toThrow(
      expect.objectContaining({ code: 'secret_key_in_browser' }),
    );
  });

  it('refuses a token function that hands a secret key to the page, before sending it', async () => {
    pretendBrowser();
    const client = createCreditClient({ baseUrl: api.url, token: () => 'sk_live_123' });

    await expect(client.balance.retrieve()).rejects.toMatchObject({ code: 'secret_key_in_browser' });
    expect(api.requests).toHaveLength(0);
  });

  it('refuses to start without credentials', () => {
    expect(() => createCreditClient({ baseUrl: api.url } as never)).toThrow(CreditError);
  });
});

describe('unreachable API', () => {
  it('raises ConnectionError when nothing listens', async () => {
    const url = api.url;
    await api.close();
    const client = createCreditClient({ baseUrl: url, apiKey: 'sk_test', maxRetries: 0 });

    await expect(client.balance.retrieve()).rejects.toBeInstanceOf(ConnectionError);
  });
});
