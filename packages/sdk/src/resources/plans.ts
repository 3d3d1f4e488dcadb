import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { type Plan, planPage } from '../schemas/plans';

/** The plan catalogue. */
export class PlansResource {
  constructor(private readonly transport: Transport) {}

  /** Every plan a workspace can be on, with its allowance, tier and rollover rule. */
  list(options?: RequestOptions): PagePromise<Plan> {
    return paginate((cursor) =>
      this.transport.json({ method: 'GET', path: '/v1/plans', query: { cursor }, options }, planPage),
    );
  }
}
