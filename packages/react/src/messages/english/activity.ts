import type { CreditMessages } from '../credit-messages';
import { englishPlural, rowWord } from './english-words';

/** The activity's English words. */
export const englishActivity: CreditMessages['activity'] = {
  title: 'Why credits were charged',
  filtersLabel: 'Show charges',
  periodFilter: 'Period',
  lastDays: (days) => `Last ${days} days`,
  workbookFilter: 'Workbook',
  allWorkbooks: 'All workbooks',
  triggerFilter: 'Trigger',
  allTriggers: 'All triggers',
  filtersApplied: (lines, lineCount, selection) =>
    `${lines} ${englishPlural(lineCount, { one: 'line', other: 'lines' })} for ${selection}`,
  showMore: 'Show older charges',
  moreFailed: 'Older charges could not be loaded. Try again.',
  empty: 'No credits were charged for this selection.',
  run: ({ action, workbook, rows, rowCount, credits }) =>
    `${action} on ${rows} ${rowWord(rowCount)} in ${workbook}: ${credits}`,
  rerun: ({ action, workbook, rows, rowCount, credits }) =>
    `Re-run of ${action} on ${rows} ${rowWord(rowCount)} in ${workbook}: ${credits}`,
  autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
    `Auto-Update refreshed ${rows} ${englishPlural(rowCount, { one: 'record', other: 'records' })} in ${workbook} ` +
    `with ${action}: ${credits}`,
  ai: ({ action, workbook, rows, rowCount, credits }) =>
    `${action} in ${workbook}: ${rows} ${rowWord(rowCount)}, ${credits}, charged whatever the output`,
  stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
    `Run of ${action} in ${workbook} stopped midway: ${rows} ` +
    `${englishPlural(rowCount, { one: 'request', other: 'requests' })} already sent stayed charged, ${credits}`,
  deduplicated: (count) => `${count} already paid, not charged again`,
  ownKey: (count) => `${count} free with your own API key`,
  refunded: (count, _, reasons) => `${count} refunded: ${reasons}`,
  refundReason: (count, _, reason) => `${count} ${reason}`,
  details: (sentence, details) => (details.length ? `${sentence} (${details.join('; ')})` : sentence),
};
