import {
  ApiError,
  createCreditClient,
  IdempotencyConflictError,
  InsufficientCreditsError,
  RateLimitError,
  TimeoutError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { chargeFixture, fixtures } from '../support/fixtures';
import { problemReply, type StubReply, type StubResponder, useStubApi } from '../support/stub-api';

const api = useStubApi();

const chargeParams = { actionId: 'find-email', workbookId: 'wb_1', recordId: 'rec_1', field: 'email' };

/** Answers each attempt with the next reply of the script, then the last one forever. */
function script(...replies: (StubReply | StubResponder)[]): StubResponder {
  let attempt = 0;
  return (request, response) => {
    const reply = replies[Math.min(attempt++, replies.length - 1)];
    return typeof reply === 'function' ? reply(request, response) : reply;
  };
}

describe('retries', () => {
  it('retries a 503 and an in-flight 409, resending the same idempotency key every time', async () => {
    api.on(
      'POST /v1/charges',
      script(problemReply(503, 'unavailable'), problemReply(409, 'request_in_flight'), {
        status: 201,
        body: chargeFixture,
      }),
    );
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test', maxRetries: 2 });

    await expect(client.charges.create(chargeParams)).resolves.toEqual(chargeFixture);
    const keys = api.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the caller’s idempotency key when one is given', async () => {
    api.on('POST /v1/charges', script(problemReply(502, 'bad_gateway'), { status: 201, body: chargeFixture }));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await client.charges.create(chargeParams, { idempotencyKey: 'charge-rec_1-email' });
    expect(api.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'charge-rec_1-email',
      'charge-rec_1-email',
    ]);
  });

  it('never retries an idempotency_conflict 409', async () => {
    api.on('POST /v1/charges', problemReply(409, 'idempotency_conflict'));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await expect(client.charges.create(chargeParams)).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(api.requests).toHaveLength(1);
  });

  it('does not retry a credit refusal', async () => {
    api.on(
      'POST /v1/charges',
      problemReply(402, 'insufficient_credits', { scope: 'workspace', id: null, limit: 1, spent: 0, remaining: 1 }),
    );
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await expect(client.charges.create(chargeParams)).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect(api.requests).toHaveLength(1);
  });

  it('stops after maxRetries and reports the last answer', async () => {
    api.on('GET /v1/balance', problemReply(503, 'unavailable'));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test', maxRetries: 1 });

    const error = await client.balance.retrieve().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable' });
    expect(api.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After asks before the next attempt', async () => {
    const sentAt: number[] = [];
    api.on(
      'GET /v1/balance',
      script(
        () => {
          sentAt.push(Date.now());
          return problemReply(429, 'rate_limited', undefined, { 'retry-after': '1' });
        },
        () => {
          sentAt.push(Date.now());
          return { body: fixtures.balance };
        },
      ),
    );
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    await client.balance.retrieve();
    expect((sentAt[1] ?? 0) - (sentAt[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('raises RateLimitError with retryAfter once retries are spent', async () => {
    api.on('GET /v1/balance', problemReply(429, 'rate_limited', undefined, { 'retry-after': '7' }));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test', maxRetries: 0 });

    const error = await client.balance.retrieve().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7);
  });
});

describe('deadlines and cancellation', () => {
  it('gives up a hung attempt after attemptTimeout and retries it', async () => {
    api.on(
      'GET /v1/balance',
      script(() => new Promise(() => undefined), { body: fixtures.balance }),
    );
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test', attemptTimeout: 1_000 });

    await expect(client.balance.retrieve()).resolves.toEqual(fixtures.balance);
    // At least the hung attempt and one more: on a loaded machine the next attempt may itself outlast the
    // attempt timeout and be retried too.
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('ends the whole call at its deadline, waits for Retry-After included', async () => {
    api.on('GET /v1/balance', problemReply(503, 'unavailable', undefined, { 'retry-after': '120' }));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });

    const error = await client.balance.retrieve({ timeout: 500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout' });
    // The deadline ended the wait: no second attempt. A call that waited out the 120 s Retry-After instead
    // would outlast the test timeout.
    expect(api.requests).toHaveLength(1);
  });

  it('rejects with the abort reason when the caller aborts, and sends nothing more', async () => {
    api.on('GET /v1/balance', () => new Promise(() => undefined));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const controller = new AbortController();

    const call = client.balance.retrieve({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left the page')), 50);
    await expect(call).rejects.toThrow('user left the page');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toHaveLength(1);
  });
});
