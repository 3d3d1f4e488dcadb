import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import {
  type Grant,
  type GrantCreateParams,
  type GrantListParams,
  grant,
  grantCreateParams,
  grantListParams,
  grantPage,
} from '../schemas/grants';

/** Credit grants: plan allowance, rollover, purchases and granted credits, each with what is left (R1, R2, R28). */
export class GrantsResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Grants, in burn order (R2): soonest to expire first, then higher priority, then oldest; grants that never
   * expire last. `for await` walks every page.
   */
  list(params: GrantListParams = {}, options?: RequestOptions): PagePromise<Grant> {
    return paginate(async (next) => {
      const { cursor, ...query } = validateParams(grantListParams, params, 'grant list parameters');
      return this.transport.json(
        { method: 'GET', path: '/v1/grants', query: { ...query, cursor: next ?? cursor }, options },
        grantPage,
      );
    });
  }

  /**
   * Grants credits to the workspace (R28): `promotional`, `compensation` or `goodwill`, with an optional note,
   * expiry (in the future) and priority. The secret key only: a browser session, admin or not, is refused.
   */
  async create(params: GrantCreateParams, options?: RequestOptions): Promise<Grant> {
    const body = validateParams(grantCreateParams, params, 'grant');
    return this.transport.json({ method: 'POST', path: '/v1/grants', body, options }, grant);
  }
}
