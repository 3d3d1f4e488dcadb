import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Grant, type GrantListParams, grantListParams, grantPage } from '../schemas/grants';

/** Credit grants: plan allowance, rollover and purchases, each with what is left (R1, R2). */
export class GrantsResource {
  constructor(private readonly transport: Transport) {}

  /** Grants, soonest to expire first and purchases last (the burn order, R2); `for await` walks every page. */
  list(params: GrantListParams = {}, options?: RequestOptions): PagePromise<Grant> {
    return paginate(async (next) => {
      const { cursor, ...query } = validateParams(grantListParams, params, 'grant list parameters');
      return this.transport.json(
        { method: 'GET', path: '/v1/grants', query: { ...query, cursor: next ?? cursor }, options },
        grantPage,
      );
    });
  }
}
