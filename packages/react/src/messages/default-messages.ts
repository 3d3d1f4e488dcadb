import type { CreditMessages } from './credit-messages';
import { englishActivity } from './english/activity';
import { englishAlertNotice } from './english/alert-notice';
import { englishAlerts } from './english/alerts';
import { englishAmountInput } from './english/amount-input';
import { englishAutoTopUp } from './english/auto-top-up';
import { englishBalance } from './english/balance';
import { englishCommon } from './english/common';
import { englishCostBadge } from './english/cost-badge';
import { englishFillRate } from './english/fill-rate';
import { englishLimitReached } from './english/limit-reached';
import { englishRenewal } from './english/renewal';
import { englishRunBudget } from './english/run-budget';
import { englishRunCost } from './english/run-cost';
import { englishSpendLimit } from './english/spend-limit';
import { englishUsage } from './english/usage';

/**
 * Every English string of the kit in one object, the built-in language, and the English pack
 * (`@creditkit/react/locales/en`). The widgets do not import it: each takes only its own groups, so a page
 * with one widget ships that widget's words alone.
 */
export const defaultCreditMessages: CreditMessages = {
  common: englishCommon,
  costBadge: englishCostBadge,
  spendLimit: englishSpendLimit,
  amountInput: englishAmountInput,
  runBudget: englishRunBudget,
  runCost: englishRunCost,
  balance: englishBalance,
  renewal: englishRenewal,
  alerts: englishAlerts,
  autoTopUp: englishAutoTopUp,
  alertNotice: englishAlertNotice,
  limitReached: englishLimitReached,
  usage: englishUsage,
  activity: englishActivity,
  fillRate: englishFillRate,
};
