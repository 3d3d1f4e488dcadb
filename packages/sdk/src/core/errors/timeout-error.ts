import { ConnectionError } from './connection-error';

/** Thrown when a call outlives its deadline (`timeout`), attempts and retries included. */
export class TimeoutError extends ConnectionError {
  static override readonly kind: string = 'TimeoutError';
}
