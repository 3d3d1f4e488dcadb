import type { CreditMessages } from '../credit-messages';
import { credits, englishPlural } from './english-words';

const rollOver = (amount: number) => englishPlural(amount, { one: 'rolls', other: 'roll' });
const expire = (amount: number) => englishPlural(amount, { one: 'expires', other: 'expire' });

/** The renewal preview's English words. */
export const englishRenewal: CreditMessages['renewal'] = {
  title: 'At renewal',
  keeps: (formatted, amount) => `${credits(formatted, amount)} ${rollOver(amount)} over`,
  forfeits: (formatted, amount) => `${credits(formatted, amount)} ${expire(amount)}`,
  purchasedKept: (formatted, amount) =>
    `${formatted} purchased ${englishPlural(amount, { one: 'credit', other: 'credits' })} never ${expire(amount)}`,
  grantedKept: (formatted, amount) =>
    `${formatted} granted ${englishPlural(amount, { one: 'credit stays', other: 'credits stay' })}, each until its own expiry`,
  grantedExpiring: (formatted, amount) =>
    `${formatted} granted ${englishPlural(amount, { one: 'credit expires', other: 'credits expire' })} before then`,
  newAllowance: (formatted, amount) => `${credits(formatted, amount)} from the plan`,
  balanceAfter: (formatted, amount) => `Balance after renewal: ${credits(formatted, amount)}`,
  nextPlan: (planName) => `Renews into the ${planName} plan`,
  ruleBalanceCap: (formatted, amount) =>
    `Unused credits roll over, up to ${credits(formatted, amount)} of plan and rollover credits.`,
  ruleUnusedPercent: (percent) => `${percent} of unused credits roll over, on the same or a higher tier only.`,
  ruleFixedMax: (formatted, amount) => `At most ${credits(formatted, amount)} ${rollOver(amount)} over.`,
};
