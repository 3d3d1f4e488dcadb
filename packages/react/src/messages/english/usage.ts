import type { CreditMessages } from '../credit-messages';
import { credits } from './english-words';

/** The usage view's English words. */
export const englishUsage: CreditMessages['usage'] = {
  title: 'Credit usage',
  perDay: 'Credits per day',
  chartLabel: (from, to, total, totalAmount) =>
    `Net credits per day from ${from} to ${to}: ${credits(total, totalAmount)} in total`,
  dayTotal: (day, formatted, amount) => `${day}: ${credits(formatted, amount)}`,
  chartKeys: 'Arrow keys move from day to day.',
  period: 'Period',
  periods: {
    last7: 'Last 7 days',
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    thisMonth: 'This month',
    lastMonth: 'Last month',
  },
  groupLabel: 'Usage breakdown',
  byWorkbook: 'By workbook',
  byAction: 'By action',
  byProvider: 'By provider',
  byModel: 'By model',
  columnWorkbook: 'Workbook',
  columnAction: 'Action',
  columnProvider: 'Provider',
  byTrigger: 'By trigger',
  columnModel: 'Model',
  columnTrigger: 'Trigger',
  triggerNames: { run: 'Runs', rerun: 'Re-runs', auto_update: 'Auto-Update' },
  columnCharges: 'Charges',
  columnCharged: 'Charged',
  columnRefunded: 'Refunded',
  columnNet: 'Net',
  total: 'Total',
  downloadCsv: 'Download CSV',
  downloadFailed: 'The CSV could not be downloaded. Try again.',
  empty: 'No credits were used in this period.',
};
