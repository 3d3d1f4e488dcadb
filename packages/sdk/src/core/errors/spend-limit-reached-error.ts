import type { LimitDetails } from '../../schemas/problem';
import { ApiError } from './api-error';

/**
 * Thrown on 402 when a spend limit blocks a charge: `workbook_limit_reached` (R11),
 * `enrichment_limit_reached` (R12), `run_budget_exhausted` (R9) or `run_completed` (the run no longer
 * takes charges, R16). Nothing was charged;
 * `scope` and `details` name the limit, its spend and what remains.
 */
export class SpendLimitReachedError extends ApiError {
  static override readonly kind: string = 'SpendLimitReachedError';
  /** The limit that blocked: its scope and id, the limit, what was spent and what remains, in credits. */
  declare readonly details: LimitDetails;

  /** What blocked: `workbook`, `enrichment` or `run`. */
  get scope(): LimitDetails['scope'] {
    return this.details.scope;
  }
}
