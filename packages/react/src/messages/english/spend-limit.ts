import type { CreditMessages } from '../credit-messages';
import { credits } from './english-words';

/** The spend limit dialog's English words. */
export const englishSpendLimit: CreditMessages['spendLimit'] = {
  workbookTitle: 'Workbook credit limit',
  enrichmentTitle: 'Enrichment credit limit',
  description: 'Charges stop once this much has been spent. Refunded credits count back.',
  enable: 'Limit credit spend',
  limitLabel: 'Limit (credits)',
  noLimit: 'No limit',
  spent: (formatted, amount) => `${credits(formatted, amount)} spent`,
  remaining: (formatted, amount) => `${credits(formatted, amount)} remaining`,
  remainingOnceSaved: (formatted, amount) => `${credits(formatted, amount)} remaining once saved`,
  noLimitOnceSaved: 'No limit once saved',
  save: 'Save limit',
  saving: 'Saving…',
  saved: 'Limit saved',
  cancel: 'Cancel',
  done: 'Done',
  memberDisabled: 'Only workspace admins can change spend limits.',
  confirmBelowSpent: (limit, spent) =>
    `Spent so far: ${spent}. A limit of ${limit} stops every further charge right away.`,
  confirmSave: 'Save anyway',
  saveFailed: 'The limit was not saved. Try again.',
  sessionEnded: 'The limit was not saved: your session has ended. Sign in again.',
};
