import type { Problem } from '../../schemas/problem';
import { ApiError } from './api-error';
import { AuthenticationError } from './authentication-error';
import type { CreditError, CreditErrorFields } from './credit-error';
import { IdempotencyConflictError } from './idempotency-conflict-error';
import { InsufficientCreditsError } from './insufficient-credits-error';
import { NotFoundError } from './not-found-error';
import { PermissionDeniedError } from './permission-denied-error';
import { RateLimitError } from './rate-limit-error';
import { SpendLimitReachedError } from './spend-limit-reached-error';
import { ValidationError } from './validation-error';

export interface ApiErrorInput {
  status: number;
  /** The parsed problem body, when the response carried one. */
  problem: Problem | undefined;
  requestId: string | undefined;
  retryAfter: number | undefined;
}

function hasLimitScope(details: unknown): boolean {
  return typeof (details as { scope?: unknown } | null | undefined)?.scope === 'string';
}

/** The one place that turns an HTTP error answer into a typed error, by status and problem `code`. */
export function createApiError({ status, problem, requestId, retryAfter }: ApiErrorInput): CreditError {
  const code = problem?.code ?? `http_${status}`;
  const message = problem?.message ?? `The Credit API answered ${status}.`;
  const fields: CreditErrorFields = {
    code,
    status,
    requestId: problem?.requestId ?? requestId,
    details: problem?.details,
  };
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(message, {
        ...fields,
        details: { issues: [], ...(problem?.details as object | undefined) },
      });
    case 401:
      return new AuthenticationError(message, fields);
    case 402:
      if (code === 'insufficient_credits') return new InsufficientCreditsError(message, fields);
      if (hasLimitScope(problem?.details)) return new SpendLimitReachedError(message, fields);
      return new ApiError(message, fields);
    case 403:
      return new PermissionDeniedError(message, fields);
    case 404:
      return new NotFoundError(message, fields);
    case 409:
      return code === 'idempotency_conflict'
        ? new IdempotencyConflictError(message, fields)
        : new ApiError(message, fields);
    case 429:
      return new RateLimitError(message, { ...fields, retryAfter });
    default:
      return new ApiError(message, fields);
  }
}
