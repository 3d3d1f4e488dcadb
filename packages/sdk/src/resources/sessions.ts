import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Session, type SessionCreateParams, session, sessionCreateParams } from '../schemas/sessions';

/** Short-lived browser session tokens, minted server side with the secret key (R20). */
export class SessionsResource {
  constructor(private readonly transport: Transport) {}

  /** A token for one user and role, valid at most an hour: hand it to the browser, never the secret key. */
  async create(params: SessionCreateParams, options?: RequestOptions): Promise<Session> {
    const body = validateParams(sessionCreateParams, params, 'session');
    return this.transport.json({ method: 'POST', path: '/v1/sessions', body, options }, session);
  }
}
