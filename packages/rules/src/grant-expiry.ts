import type { Debit, GrantState } from './types';

/**
 * R28: what granted credits lose at `now`: each granted credit whose expiry has come with something left gives
 * up all of it, to be written as one `expired` ledger row. Plan and rollover credits leave at their renewal
 * instead (R3–R5, as `forfeited` or rolled-over rows) and purchases never expire (R17).
 */
export function expiredRemainders(grants: readonly GrantState[], now: Date): Debit[] {
  return grants
    .filter((grant) => grant.source === 'granted' && grant.remaining > 0 && grant.expiresAt !== null)
    .filter((grant) => (grant.expiresAt as Date) <= now)
    .map((grant) => ({ grantId: grant.id, amount: grant.remaining }));
}
