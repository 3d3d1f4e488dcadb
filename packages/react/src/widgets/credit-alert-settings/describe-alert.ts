import type { Alert } from '@creditkit/sdk';
import type { CreditFormat } from '../../hooks/use-credit-format';
import type { CreditMessages } from '../../messages/credit-messages';

/** The words for what a spend alert watches, by scope. */
export function scopeName(scope: Alert['scope'], text: CreditMessages['alerts']): string {
  if (scope === 'workbook') return text.scopeWorkbook;
  if (scope === 'enrichment') return text.scopeEnrichment;
  if (scope === 'run') return text.scopeRun;
  return text.scopeBalance;
}

/** An alert in words: "Balance at or below 500 credits", "Workbook limit wb_1: 80% used" (R25). */
export function describeAlert(
  alert: Pick<Alert, 'scope' | 'scopeId' | 'unit' | 'threshold'>,
  text: CreditMessages['alerts'],
  format: Pick<CreditFormat, 'formatCredits' | 'formatCount'>,
): string {
  if (alert.scope === 'balance') {
    return alert.unit === 'credits'
      ? text.balanceCredits(format.formatCredits(alert.threshold), alert.threshold)
      : text.balancePercent(format.formatCount(alert.threshold));
  }
  return text.spendPercent(scopeName(alert.scope, text), alert.scopeId ?? '', format.formatCount(alert.threshold));
}
