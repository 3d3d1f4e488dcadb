import type { CreditMessages } from '../credit-messages';
import { credits, rowWord } from './english-words';

/** The run cost summary's English words. */
export const englishRunCost: CreditMessages['runCost'] = {
  run: 'Run',
  nothingSelected: 'Select rows to see what a run costs.',
  rows: (rows, rowCount) => `Run on ${rows} ${rowWord(rowCount)}`,
  checking: 'checking the cost…',
  upTo: (formatted, amount) => `up to ${credits(formatted, amount)}`,
  noCredits: 'no credits',
  alreadyPaid: (rows) => `${rows} already paid`,
  allAlreadyPaid: 'all already paid',
  ownKey: (rows) => `${rows} free with your own key`,
  stopsAfter: (rows, rowCount, limit) => `stops after ${rows} ${rowWord(rowCount)}: ${limit}`,
  limitWorkspace: 'not enough credits',
  limitWorkbook: 'workbook limit',
  limitEnrichment: 'enrichment limit',
  limitRun: 'run budget',
  separator: ' · ',
  balanceAfter: (formatted, amount) => `Balance after: ${credits(formatted, amount)}`,
  showLimit: 'Limit details',
  failed: 'The cost could not be checked. Every limit still applies when the run charges.',
  confirmTitle: (rows, rowCount) => `Run on ${rows} ${rowWord(rowCount)}?`,
  confirmCharge: (formatted, amount) => `This run charges up to ${credits(formatted, amount)}.`,
  confirmUnknown: 'The cost of this run is not known yet. It charges until its rows are done or a limit stops it.',
  confirmRun: 'Run',
  cancel: 'Cancel',
};
