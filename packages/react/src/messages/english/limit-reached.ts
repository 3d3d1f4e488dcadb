import type { CreditMessages } from '../credit-messages';

/** The limit notice's English words. */
export const englishLimitReached: CreditMessages['limitReached'] = {
  workspace: 'Your workspace is out of credits.',
  workbook: 'This workbook has reached its credit limit.',
  enrichment: 'This enrichment has reached its credit limit.',
  runBudget: (formatted) => `This run used its ${formatted}-credit budget.`,
  runBudgetDetails: (spent, remaining) => `${spent} spent · ${remaining} left, not enough for the next row.`,
  continueRun: 'Continue with a bigger budget',
  details: (limit, spent, remaining) => `Limit ${limit} · spent ${spent} · ${remaining} left`,
  raiseLimit: 'Raise the limit',
  buyCredits: 'Buy credits',
  askAdminToRaise: 'Ask a workspace admin to raise the limit.',
  askAdminToBuy: 'Ask a workspace admin to buy credits.',
};
