import type { UsageActivity } from '@creditkit/sdk';
import type { CreditMessages } from '../../messages/credit-messages';

/** What an activity sentence needs besides its row: names and the reader's number formats. */
export interface SentenceContext {
  text: CreditMessages['activity'];
  credits: CreditMessages['common']['credits'];
  actionName: string;
  workbookName: string;
  refundReasonLabel: (reason: string) => string;
  formatCredits: (credits: number) => string;
  formatCount: (count: number) => string;
}

/**
 * Which of the seeds' causes explains a row (R24), the most specific first: a run stopped midway (R16), an
 * Auto-Update refresh or a deliberate re-run (charged again), AI rows (priced by tokens, whatever the output,
 * R9), else a first run.
 */
function causeOf(row: UsageActivity, text: SentenceContext['text']) {
  if (row.run?.stopped) return text.stoppedRun;
  if (row.trigger === 'auto_update') return text.autoUpdate;
  if (row.trigger === 'rerun') return text.rerun;
  if (row.model !== null) return text.ai;
  return text.run;
}

/**
 * One activity row in words: its cause with the action, workbook, rows and net credits, then what did not
 * cost: asks already paid (R13), free by an own key (R10), and refunds with their reasons (R15).
 */
export function activitySentence(row: UsageActivity, context: SentenceContext): string {
  const { text, formatCount } = context;
  const sentence = causeOf(
    row,
    text,
  )({
    action: context.actionName,
    workbook: context.workbookName,
    rows: formatCount(row.charges),
    rowCount: row.charges,
    credits: context.credits(context.formatCredits(row.net), row.net),
  });
  const details: string[] = [];
  if (row.deduplicated > 0) details.push(text.deduplicated(formatCount(row.deduplicated), row.deduplicated));
  if (row.ownKey > 0) details.push(text.ownKey(formatCount(row.ownKey), row.ownKey));
  if (row.refunds > 0) {
    const [only, ...others] = row.refundReasons;
    const reasons =
      only && others.length === 0 && only.refunds === row.refunds
        ? context.refundReasonLabel(only.reason)
        : row.refundReasons
            .map((reason) =>
              text.refundReason(formatCount(reason.refunds), reason.refunds, context.refundReasonLabel(reason.reason)),
            )
            .join(', ');
    details.push(text.refunded(formatCount(row.refunds), row.refunds, reasons));
  }
  return text.details(sentence, details);
}
