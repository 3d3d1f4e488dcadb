import type { Thousandths } from './amounts';
import type { Debit, GrantState } from './types';

/** Grants that can be spent at `now`: effective, not expired, something left (R1). */
export function spendableGrants(grants: readonly GrantState[], now: Date): GrantState[] {
  return grants.filter(
    (grant) => grant.remaining > 0 && grant.effectiveAt <= now && (grant.expiresAt === null || grant.expiresAt > now),
  );
}

/**
 * R2: the grant that expires soonest goes first; grants that never expire (purchases, granted credits without
 * an expiry) last; ties go to the higher priority (R28), then the oldest grant, then the smaller id (compared
 * by UTF-16 code units) so the order is total. The one comparison of the burn order: charges, quotes and the
 * grant list all follow it.
 */
export function compareBurnOrder(a: GrantState, b: GrantState): number {
  const aExpiry = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bExpiry = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aExpiry !== bExpiry) return aExpiry < bExpiry ? -1 : 1;
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Splits `amount` across spendable grants in burn order; the caller has checked the balance covers it. */
export function allocate(grants: readonly GrantState[], amount: Thousandths, now: Date): Debit[] {
  const debits: Debit[] = [];
  let left = amount;
  for (const grant of spendableGrants(grants, now).sort(compareBurnOrder)) {
    if (left === 0) break;
    const take = Math.min(left, grant.remaining);
    debits.push({ grantId: grant.id, amount: take });
    left -= take;
  }
  if (left > 0) throw new RangeError(`allocate: ${left} thousandths not covered by the grants`);
  return debits;
}

/** What a charge's debits leave in the grants (R2): each grant less what was taken from it, the others as they were. */
export function applyDebits(grants: readonly GrantState[], debits: readonly Debit[]): GrantState[] {
  return grants.map((grant) => {
    const taken = debits.filter((debit) => debit.grantId === grant.id).reduce((sum, debit) => sum + debit.amount, 0);
    return taken === 0 ? grant : { ...grant, remaining: grant.remaining - taken };
  });
}
