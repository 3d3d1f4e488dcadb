import { ApiError } from './api-error';

/** Thrown on 403: the caller may not do this, e.g. a member changing a limit (R20) or a session token minting sessions. */
export class PermissionDeniedError extends ApiError {
  static override readonly kind: string = 'PermissionDeniedError';
}
