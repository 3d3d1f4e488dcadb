import { ApiError } from './api-error';

/** Thrown on 409 `idempotency_conflict`: the idempotency key was already used with a different body (R19). Never retried. */
export class IdempotencyConflictError extends ApiError {
  static override readonly kind: string = 'IdempotencyConflictError';
}
