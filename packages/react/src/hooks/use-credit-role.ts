import { useCreditContext } from '../provider/credit-context';
import type { CreditRole } from '../provider/credit-role';

/**
 * The role the provider was given (R20), to decide what to offer: admins change limits and buy
 * credits, members read and run. Undefined when the host did not say; treat it as a member.
 * It only shapes the UI: the API refuses what a token's role may not do.
 */
export function useCreditRole(): CreditRole | undefined {
  return useCreditContext().role;
}
