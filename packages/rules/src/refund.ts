import type { Debit } from './types';

export type RefundDecision = { outcome: 'already_refunded' } | { outcome: 'refund'; credits: Debit[] };

/**
 * R15: a refund gives back exactly what each grant lost to the charge, to that grant. Refunding twice
 * changes nothing; a charge that cost nothing (own key, deduplicated) refunds nothing but still
 * releases its dedup key.
 */
export function decideRefund(status: string, debits: readonly Debit[]): RefundDecision {
  if (status === 'refunded') return { outcome: 'already_refunded' };
  return { outcome: 'refund', credits: debits.map(({ grantId, amount }) => ({ grantId, amount })) };
}
