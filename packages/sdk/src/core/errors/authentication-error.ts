import { ApiError } from './api-error';

/** Thrown on 401: the key or session token is missing, wrong or expired (a `token` function has already been asked once for a fresh one). */
export class AuthenticationError extends ApiError {
  static override readonly kind: string = 'AuthenticationError';
}
