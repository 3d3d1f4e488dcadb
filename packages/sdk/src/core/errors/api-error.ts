import { CreditError } from './credit-error';

/** Thrown when the API answers with an error status that no more specific class describes. */
export class ApiError extends CreditError {
  static override readonly kind: string = 'ApiError';
  declare readonly status: number;
}
