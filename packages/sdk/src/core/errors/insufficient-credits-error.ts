import { ApiError } from './api-error';

/** Thrown on 402 `insufficient_credits`: the charge is larger than the spendable balance (R14). Nothing was charged. */
export class InsufficientCreditsError extends ApiError {
  static override readonly kind: string = 'InsufficientCreditsError';
}
