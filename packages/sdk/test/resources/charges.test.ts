import {
  type Charge,
  type ChargeCreateParams,
  createCreditClient,
  InsufficientCreditsError,
  NotFoundError,
  SpendLimitReachedError,
  ValidationError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../support/failures';
import { chargeFixture } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const chargeParams = { actionId: 'find-mobile-phone', workbookId: 'wb_1', recordId: 'rec_1', field: 'mobile_phone' };
const refundedCharge: Charge = { ...chargeFixture, status: 'refunded', refundReason: 'provider returned no number' };

function requestIdOf(reply: { body?: unknown }): string {
  return (reply.body as { requestId: string }).requestId;
}

describe('charges.create', () => {
  it('POSTs the charge to /v1/charges with the caller idempotency key and returns the validated charge', async () => {
    api.on('POST /v1/charges', { status: 201, body: chargeFixture });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.charges.create(chargeParams, { idempotencyKey: 'idem-charge-1' })).resolves.toEqual(
      chargeFixture,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/charges');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.body).toEqual(chargeParams);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-charge-1');
  });

  it('sends the optional enrichment, audience, run and token usage as given, with a generated UUID key', async () => {
    api.on('POST /v1/charges', { status: 201, body: { ...chargeFixture, runId: 'run_1', credits: 0.28 } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    const params: ChargeCreateParams = {
      ...chargeParams,
      actionId: 'summarize',
      enrichmentId: 'enr_1',
      audienceId: 'aud_1',
      runId: 'run_1',
      usage: { inputTokens: 800, outputTokens: 200 },
    };

    await expect(client.charges.create(params)).resolves.toMatchObject({ runId: 'run_1', credits: 0.28 });
    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it('generates a different idempotency key for each call', async () => {
    api.on('POST /v1/charges', { status: 201, body: chargeFixture });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.charges.create(chargeParams);
    await client.charges.create({ ...chargeParams, recordId: 'rec_2' });

    const [first, second] = api.requests.map((request) => request.headers['idempotency-key']);
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(first).not.toBe(second);
  });

  it.each<[string, ChargeCreateParams, PropertyKey[]]>([
    ['an empty action id', { ...chargeParams, actionId: '' }, ['actionId']],
    ['a workbook id with a slash', { ...chargeParams, workbookId: 'wb/1' }, ['workbookId']],
    ['a record id with ..', { ...chargeParams, recordId: '../rec_1' }, ['recordId']],
    ['a field with a control character', { ...chargeParams, field: 'mobile\u0000phone' }, ['field']],
    ['a record id with an unpaired high surrogate', { ...chargeParams, recordId: '\ud800' }, ['recordId']],
    ['a workbook id with an unpaired low surrogate', { ...chargeParams, workbookId: 'wb_\udc00' }, ['workbookId']],
    ['a field ending in half an emoji', { ...chargeParams, field: 'mobile\ud83d' }, ['field']],
    [
      'more than 10,000,000 prompt tokens',
      { ...chargeParams, usage: { inputTokens: 10_000_001, outputTokens: 1 } },
      ['usage', 'inputTokens'],
    ],
    ['an enrichment id with whitespace', { ...chargeParams, enrichmentId: 'enr 1' }, ['enrichmentId']],
    [
      'negative input tokens',
      { ...chargeParams, usage: { inputTokens: -1, outputTokens: 1 } },
      ['usage', 'inputTokens'],
    ],
    [
      'NaN output tokens',
      { ...chargeParams, usage: { inputTokens: 1, outputTokens: Number.NaN } },
      ['usage', 'outputTokens'],
    ],
  ])('refuses a charge with %s before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.charges.create(params));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('names every missing field in one ValidationError', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.charges.create({} as ChargeCreateParams));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([['actionId'], ['workbookId'], ['recordId'], ['field']]),
    );
    expect(api.requests).toEqual([]);
  });

  it('raises InsufficientCreditsError on a 402 insufficient_credits, with code, status and request id', async () => {
    const details = { scope: 'workspace', limit: 3, spent: 0, remaining: 3 };
    const reply = problemReply(402, 'insufficient_credits', details);
    api.on('POST /v1/charges', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.charges.create(chargeParams).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).not.toBeInstanceOf(SpendLimitReachedError);
    expect(error).toMatchObject({ code: 'insufficient_credits', status: 402, requestId: requestIdOf(reply), details });
    expect(api.requests).toHaveLength(1);
  });

  it('raises SpendLimitReachedError naming the workbook limit on a 402 workbook_limit_reached', async () => {
    const details = { scope: 'workbook', id: 'wb_1', limit: 10, spent: 10, remaining: 0 };
    const reply = problemReply(402, 'workbook_limit_reached', details);
    api.on('POST /v1/charges', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.charges.create(chargeParams).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SpendLimitReachedError);
    expect(SpendLimitReachedError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'workbook_limit_reached', status: 402, requestId: requestIdOf(reply) });
    expect((error as SpendLimitReachedError).scope).toBe('workbook');
    expect((error as SpendLimitReachedError).details).toEqual(details);
    expect(api.requests).toHaveLength(1);
  });
});

describe('charges.retrieve', () => {
  it('GETs /v1/charges/{id} with the id URL-encoded and no idempotency key', async () => {
    api.on('GET /v1/charges/charge%3A1%26x', { body: chargeFixture });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.charges.retrieve('charge:1&x')).resolves.toEqual(chargeFixture);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/charges/charge%3A1%26x');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('raises NotFoundError on a 404, with code, status and the request id of the problem body', async () => {
    const reply = problemReply(404, 'not_found');
    api.on('GET /v1/charges/charge_9', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.charges.retrieve('charge_9').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', status: 404, requestId: requestIdOf(reply) });
    expect(api.requests).toHaveLength(1);
  });
});

describe('charges.refund', () => {
  it('POSTs { reason } to /v1/charges/{id}/refund with the caller idempotency key and returns the charge', async () => {
    api.on('POST /v1/charges/charge_1/refund', { body: refundedCharge });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.charges.refund('charge_1', { reason: 'provider returned no number' }, { idempotencyKey: 'idem-refund-1' }),
    ).resolves.toEqual(refundedCharge);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/charges/charge_1/refund');
    expect(api.requests[0]?.body).toEqual({ reason: 'provider returned no number' });
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-refund-1');
  });

  it('URL-encodes the charge id and generates a UUID idempotency key', async () => {
    api.on('POST /v1/charges/ch%2B%C3%A9/refund', { body: refundedCharge });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.charges.refund('ch+é', { reason: 'invalid' });

    expect(api.requests[0]?.path).toBe('/v1/charges/ch%2B%C3%A9/refund');
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each([
    ['an empty reason', 'charge_1', '', ['reason']],
    ['a reason over 500 characters', 'charge_1', 'x'.repeat(501), ['reason']],
    ['a reason with a NUL', 'charge_1', 'no\u0000data', ['reason']],
    ['a reason with an unpaired surrogate', 'charge_1', 'no data \udfff', ['reason']],
    ['an empty charge id', '', 'invalid', []],
    ['a charge id with a slash', 'charge/1', 'invalid', []],
    ['a charge id with ..', 'charge..1', 'invalid', []],
    ['a charge id with a control character', 'charge\u007f1', 'invalid', []],
  ])('refuses %s before sending anything', async (_, chargeId, reason, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.charges.refund(chargeId, { reason }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('charges.retrieve input', () => {
  it.each([
    ['an empty id', ''],
    ['an id with a slash', 'a/b'],
    ['an id of ..', '..'],
    ['an id of . (dropped from the path by URL normalization)', '.'],
    ['an id with a control character', 'a\tb'],
    ['an id with a C1 control character (U+009B, CSI)', 'a\u009bb'],
  ])('refuses %s with ValidationError before sending anything', async (_, chargeId) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.charges.retrieve(chargeId));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual([]);
    expect(api.requests).toEqual([]);
  });
});

describe('bad arguments', () => {
  it('reject the returned promise instead of throwing synchronously, so `.catch` and `await` both see them', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    let pending: Promise<unknown> | undefined;

    expect(() => {
      pending = client.charges.create({ actionId: '', workbookId: 'wb_1', recordId: 'rec_1', field: 'email' });
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ code: 'validation_failed' });
    expect(() => client.ledger.list({ limit: 0 }).catch(() => undefined)).not.toThrow();
    expect(api.requests).toHaveLength(0);
  });
});
