import { maxAmount, type Thousandths, toCredits } from '@creditkit/rules';
import { MAX_CREDITS } from '@creditkit/sdk/schemas';
import { ApiProblem } from './problem';

/**
 * R9: what a run of `rows` rows at `perRow` costs in all. A total past the largest amount is refused, not
 * quoted: no budget could hold it, and the contract reports amounts up to that maximum only.
 */
export function estimateTotal(perRow: Thousandths, rows: number): Thousandths {
  const total = perRow * rows;
  if (total <= maxAmount) return total;
  const maxRows = Math.floor(maxAmount / perRow);
  const message = `At ${toCredits(perRow)} credits per row, ${rows} rows cost more than ${MAX_CREDITS} credits: a run has at most ${maxRows} rows.`;
  throw new ApiProblem(422, 'estimate_too_large', message, {
    issues: [{ path: ['rows'], message }],
    maximum: MAX_CREDITS,
    perRow: toCredits(perRow),
    maxRows,
  });
}
