import { CreditError } from './credit-error';

/** Thrown when the API could not be reached (DNS, refused or dropped connection) after the retries. */
export class ConnectionError extends CreditError {
  static override readonly kind: string = 'ConnectionError';
}
