import type { CreditMessages } from '../credit-messages';
import { credits } from './english-words';

/** The English words every widget shares. */
export const englishCommon: CreditMessages['common'] = {
  loading: 'Loading credits…',
  loadFailed: 'Credits could not be loaded.',
  retry: 'Try again',
  close: 'Close',
  credits,
};
