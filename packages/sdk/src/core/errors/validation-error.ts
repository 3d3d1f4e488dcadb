import { CreditError } from './credit-error';

export interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Thrown before anything is sent when an argument is invalid (a negative or over-3-decimal amount,
 * an empty id, an unknown scope), and on a 400 `validation_failed` from the API. `issues` lists each
 * problem with its path.
 */
export class ValidationError extends CreditError {
  static override readonly kind: string = 'ValidationError';
  declare readonly details: { issues: ValidationIssue[] };
}
