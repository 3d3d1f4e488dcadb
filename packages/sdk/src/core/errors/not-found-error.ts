import { ApiError } from './api-error';

/** Thrown on 404: no such resource in the caller's workspace. Another workspace's ids answer the same (R21). */
export class NotFoundError extends ApiError {
  static override readonly kind: string = 'NotFoundError';
}
