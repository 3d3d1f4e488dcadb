import { CreditError } from './credit-error';

/** One invalid value: where it is and what is wrong with it. */
export interface ValidationIssue {
  /** Where the value is, from the top of the request or response, e.g. `['usage', 'inputTokens']`; empty for the whole value. */
  path: readonly PropertyKey[];
  /** What is wrong with the value, for a person. */
  message: string;
}

/**
 * Thrown before anything is sent when an argument is invalid (a negative or over-3-decimal amount,
 * an empty id, an unknown scope), and on a 400 `validation_failed` from the API. `issues` lists each
 * problem with its path.
 */
export class ValidationError extends CreditError {
  static override readonly kind: string = 'ValidationError';
  /** The problems found; may be empty when the API named none. */
  declare readonly details: {
    /** Each invalid value with its path. */
    issues: ValidationIssue[];
  };
}
