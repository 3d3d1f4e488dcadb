import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type CurrentPlan, currentPlan, type PlanChangeParams, planChangeParams } from '../schemas/plans';

/** The workspace's plan (R6). */
export class PlanResource {
  constructor(private readonly transport: Transport) {}

  /** The current plan, its period and any change scheduled for the period's end. */
  retrieve(options?: RequestOptions): Promise<CurrentPlan> {
    return this.transport.json({ method: 'GET', path: '/v1/plan', options }, currentPlan);
  }

  /** Schedules a plan change for the end of the current period; `{ planId: 'free' }` cancels. Admins only. */
  async change(params: PlanChangeParams, options?: RequestOptions): Promise<CurrentPlan> {
    const body = validateParams(planChangeParams, params, 'plan change');
    return this.transport.json({ method: 'POST', path: '/v1/plan/change', body, options }, currentPlan);
  }
}
