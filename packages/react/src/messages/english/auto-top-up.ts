import type { CreditMessages } from '../credit-messages';

/** The auto top-up settings' English words. */
export const englishAutoTopUp: CreditMessages['autoTopUp'] = {
  title: 'Auto top-up',
  description:
    'When the balance falls below the threshold, credits are added once, and again only after the balance has come back.',
  off: 'Auto top-up is off.',
  summary: (amount, threshold) => `Adds ${amount} when the balance falls below ${threshold}.`,
  month: (toppedUp, cap) => `This month: ${toppedUp} of ${cap} topped up.`,
  armed: 'Armed',
  triggered: 'Waiting for the balance to come back',
  enabledLabel: 'Top up automatically',
  thresholdLabel: 'When the balance falls below (credits)',
  creditsLabel: 'Add (credits)',
  monthlyCapLabel: 'At most per month (credits)',
  monthlyCapHint: 'Counted per calendar month (UTC).',
  zeroProblem: 'Enter more than 0 credits.',
  capBelowCredits: 'The monthly cap must be at least one top-up.',
  save: 'Save auto top-up',
  saved: 'Auto top-up saved',
  memberReadOnly: 'Only workspace admins can change auto top-up.',
  saveFailed: 'Auto top-up was not saved. Try again.',
  sessionEnded: 'Auto top-up was not saved: your session has ended. Sign in again.',
};
