import { CreditError } from './credit-error';
import type { ValidationIssue } from './validation-error';

/**
 * Thrown when a successful (2xx) response does not match the contract, so no unchecked data
 * reaches the caller. Carries the request id and the issues found.
 */
export class ResponseValidationError extends CreditError {
  static override readonly kind: string = 'ResponseValidationError';
  /** The problems found in the response. */
  declare readonly details: {
    /** Each value that does not match the contract, with its path. */
    issues: ValidationIssue[];
  };
}
