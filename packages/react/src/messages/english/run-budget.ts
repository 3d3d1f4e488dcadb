import type { CreditMessages } from '../credit-messages';
import { credits, rowWord } from './english-words';

/** The AI run budget input's English words. */
export const englishRunBudget: CreditMessages['runBudget'] = {
  label: 'Run budget (credits)',
  description: 'The run stops once it has spent its budget; what it does not spend is released.',
  estimating: 'Estimating…',
  estimateFailed: 'No estimate available.',
  estimate: (perRow, total, rows, rowCount, totalAmount) =>
    `≈${perRow} / row · ≈${credits(total, totalAmount)} for ${rows} ${rowWord(rowCount)}`,
  overBudget: (estimate, budget) =>
    `The estimate (${estimate}) is above the budget (${budget}): the run stops once the budget is spent.`,
  overBalance: (budget, spendable) => `The budget (${budget}) is more than your spendable balance (${spendable}).`,
  zero: 'A run budget must be more than 0 credits.',
  ownKey: 'Your own API key pays for this model, so the run costs no credits.',
};
