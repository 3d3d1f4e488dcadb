import {
  ApiError,
  CreditError,
  InsufficientCreditsError,
  SpendLimitReachedError,
  ValidationError,
} from '@creditkit/sdk';
import { describe, expect, it, vi } from 'vitest';
import { createApiError } from '../src/core/errors/create-api-error';

const problem = (status: number, code: string, details?: unknown) => ({
  type: `https://creditkit.dev/problems/${code}`,
  status,
  code,
  message: `Refused: ${code}`,
  requestId: 'req_42',
  details,
});

describe('createApiError', () => {
  it.each([
    [400, 'validation_failed', 'ValidationError'],
    [401, 'unauthorized', 'AuthenticationError'],
    [402, 'insufficient_credits', 'InsufficientCreditsError'],
    [403, 'forbidden', 'PermissionDeniedError'],
    [404, 'not_found', 'NotFoundError'],
    [409, 'idempotency_conflict', 'IdempotencyConflictError'],
    [409, 'request_in_flight', 'ApiError'],
    [429, 'rate_limited', 'RateLimitError'],
    [500, 'internal', 'ApiError'],
  ])('maps %i %s to %s', (status, code, name) => {
    const error = createApiError({
      status,
      problem: problem(status, code),
      requestId: undefined,
      retryAfter: undefined,
    });
    expect(error.name).toBe(name);
    expect(error).toMatchObject({ status, code, requestId: 'req_42', message: `Refused: ${code}` });
  });

  it.each(['workbook_limit_reached', 'enrichment_limit_reached', 'run_budget_exhausted'])(
    'maps 402 %s to SpendLimitReachedError naming the scope',
    (code) => {
      const details = { scope: code.split('_')[0], id: 'x_1', limit: 10, spent: 9.5, remaining: 0.5 };
      const error = createApiError({
        status: 402,
        problem: problem(402, code, details),
        requestId: undefined,
        retryAfter: undefined,
      });
      expect(error).toBeInstanceOf(SpendLimitReachedError);
      expect((error as SpendLimitReachedError).scope).toBe(details.scope);
      expect(error.details).toEqual(details);
    },
  );

  it('keeps the response header request id when the body is not a problem', () => {
    const error = createApiError({ status: 502, problem: undefined, requestId: 'req_header', retryAfter: undefined });
    expect(error).toMatchObject({ code: 'http_502', requestId: 'req_header', status: 502 });
  });
});

describe('type guards across bundle copies', () => {
  it('recognises errors thrown by another copy of the SDK', async () => {
    vi.resetModules();
    const otherCopy = await import('../src/index');
    expect(otherCopy.SpendLimitReachedError).not.toBe(SpendLimitReachedError);

    const foreign = new otherCopy.SpendLimitReachedError('blocked', {
      code: 'workbook_limit_reached',
      status: 402,
      details: { scope: 'workbook', id: 'wb_1', limit: 10, spent: 10, remaining: 0 },
    });
    expect(foreign).toBeInstanceOf(SpendLimitReachedError);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(foreign).toBeInstanceOf(CreditError);
    expect(SpendLimitReachedError.is(foreign)).toBe(true);
    expect(InsufficientCreditsError.is(foreign)).toBe(false);
    expect(foreign).not.toBeInstanceOf(ValidationError);
  });

  it('does not mistake plain errors or look-alikes for SDK errors', () => {
    expect(CreditError.is(new Error('nope'))).toBe(false);
    expect(CreditError.is({ code: 'insufficient_credits', status: 402 })).toBe(false);
    expect(CreditError.is(null)).toBe(false);
  });
});
