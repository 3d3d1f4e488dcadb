import { ApiError } from './api-error';
import type { CreditErrorFields } from './credit-error';

/** Thrown on 429 once retries are spent. `retryAfter` is the server's `Retry-After`, in seconds. */
export class RateLimitError extends ApiError {
  static override readonly kind: string = 'RateLimitError';
  /** Seconds the server asked to wait before trying again; undefined when it did not say. */
  readonly retryAfter: number | undefined;

  constructor(message: string, fields: CreditErrorFields & { retryAfter?: number | undefined }) {
    super(message, fields);
    this.retryAfter = fields.retryAfter;
  }
}
