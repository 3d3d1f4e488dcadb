import type { CreditMessages } from './credit-messages';
import { creditsWord, isEnglishSingular } from './english-plural';

const credits = (formatted: string, amount: number) => `${formatted} ${creditsWord(amount)}`;

/** The kit's English strings: what shows when `<CreditProvider overrides>` does not replace them. */
export const defaultCreditMessages: CreditMessages = {
  common: {
    loading: 'Loading credits…',
    loadFailed: 'Credits could not be loaded.',
    retry: 'Try again',
    close: 'Close',
    credits,
  },
  costBadge: {
    cost: credits,
    free: 'Free',
    freeOwnKey: 'Free · own key',
    ownKeyHint: (provider) => `Your own ${provider} API key is used, so no credits are charged.`,
    perRow: (formatted, amount) => `≈${credits(formatted, amount)} / row`,
    total: (formatted, amount, rows, rowCount) =>
      `≈${credits(formatted, amount)} for ${rows} ${isEnglishSingular(rowCount) ? 'row' : 'rows'}`,
    unknownAction: 'Cost unavailable',
    label: (actionName, cost) => `${actionName}: ${cost}`,
    details: (provider, dataType) => `Provider: ${provider} · Data: ${dataType}`,
  },
  spendLimit: {
    workbookTitle: 'Workbook credit limit',
    enrichmentTitle: 'Enrichment credit limit',
    description: 'Charges stop once this much has been spent. Refunded credits count back.',
    enable: 'Limit credit spend',
    limitLabel: 'Limit (credits)',
    noLimit: 'No limit',
    spent: (formatted, amount) => `${credits(formatted, amount)} spent`,
    remaining: (formatted, amount) => `${credits(formatted, amount)} remaining`,
    save: 'Save limit',
    saving: 'Saving…',
    saved: 'Limit saved',
    cancel: 'Cancel',
    memberDisabled: 'Only workspace admins can change spend limits.',
    confirmBelowSpent: (limit, spent) =>
      `Spent so far: ${spent}. A limit of ${limit} stops every further charge right away.`,
    confirmSave: 'Save anyway',
    saveFailed: 'The limit was not saved. Try again.',
    sessionEnded: 'The limit was not saved: your session has ended. Sign in again.',
  },
  amountInput: {
    empty: 'Enter an amount of credits.',
    not_a_number: 'Enter a number of credits.',
    negative: 'Credits cannot be negative.',
    too_many_decimals: 'Use at most 3 decimals.',
    too_large: 'That is more credits than can be set.',
  },
  runBudget: {
    label: 'Run budget (credits)',
    description: 'The run stops once it has spent its budget; what it does not spend is released.',
    estimating: 'Estimating…',
    estimateFailed: 'No estimate available.',
    estimate: (perRow, total, rows, rowCount, totalAmount) =>
      `≈${perRow} / row · ≈${credits(total, totalAmount)} for ${rows} ${isEnglishSingular(rowCount) ? 'row' : 'rows'}`,
    overBudget: (estimate, budget) =>
      `The estimate (${estimate}) is above the budget (${budget}): the run stops once the budget is spent.`,
    overBalance: (budget, spendable) => `The budget (${budget}) is more than your spendable balance (${spendable}).`,
    zero: 'A run budget must be more than 0 credits.',
    ownKey: 'Your own API key pays for this model, so the run costs no credits.',
  },
  balance: {
    title: 'Credits',
    spendable: (formatted, amount) => `${credits(formatted, amount)} available`,
    allowance: (formatted, amount) => `Plan allowance: ${credits(formatted, amount)}`,
    rolloverCap: (formatted, amount) => `Rollover capped at ${credits(formatted, amount)}`,
    pending: (formatted, amount) => `${credits(formatted, amount)} pending`,
    renewsOn: (date) => `Renews on ${date}`,
    renewalProcessing: 'Your renewal is processing: its credits may take up to 2 hours to appear.',
    renewalExpectedBy: (time) => `Expected by ${time}.`,
    sourcePlan: 'Plan',
    sourceRollover: 'Rollover',
    sourcePurchased: 'Purchased',
  },
  renewal: {
    title: 'At renewal',
    keeps: (formatted, amount) => `${credits(formatted, amount)} ${isEnglishSingular(amount) ? 'rolls' : 'roll'} over`,
    forfeits: (formatted, amount) =>
      `${credits(formatted, amount)} ${isEnglishSingular(amount) ? 'expires' : 'expire'}`,
    purchasedKept: (formatted, amount) =>
      `${formatted} purchased ${creditsWord(amount)} never ${isEnglishSingular(amount) ? 'expires' : 'expire'}`,
    newAllowance: (formatted, amount) => `${credits(formatted, amount)} from the plan`,
    balanceAfter: (formatted, amount) => `Balance after renewal: ${credits(formatted, amount)}`,
    nextPlan: (planName) => `Renews into the ${planName} plan`,
    ruleBalanceCap: (formatted, amount) =>
      `Unused credits roll over, up to ${credits(formatted, amount)} of plan and rollover credits.`,
    ruleUnusedPercent: (percent) => `${percent} of unused credits roll over, on the same or a higher tier only.`,
    ruleFixedMax: (formatted, amount) =>
      `At most ${credits(formatted, amount)} ${isEnglishSingular(amount) ? 'rolls' : 'roll'} over.`,
  },
  limitReached: {
    workspace: 'Your workspace is out of credits.',
    workbook: 'This workbook has reached its credit limit.',
    enrichment: 'This enrichment has reached its credit limit.',
    run: 'This run has spent its whole budget.',
    details: (limit, spent, remaining) => `Limit ${limit} · spent ${spent} · ${remaining} left`,
    raiseLimit: 'Raise the limit',
    buyCredits: 'Buy credits',
    askAdminToRaise: 'Ask a workspace admin to raise the limit.',
    askAdminToBuy: 'Ask a workspace admin to buy credits.',
  },
  usage: {
    title: 'Credit usage',
    perDay: 'Credits per day',
    chartLabel: (from, to, total, totalAmount) =>
      `Net credits per day from ${from} to ${to}: ${credits(total, totalAmount)} in total`,
    dayTotal: (day, formatted, amount) => `${day}: ${credits(formatted, amount)}`,
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
  },
  activity: {
    title: 'Why credits were charged',
    filtersLabel: 'Show charges',
    periodFilter: 'Period',
    lastDays: (days) => `Last ${days} days`,
    workbookFilter: 'Workbook',
    allWorkbooks: 'All workbooks',
    triggerFilter: 'Trigger',
    allTriggers: 'All triggers',
    filtersApplied: (lines, lineCount, selection) =>
      `${lines} ${isEnglishSingular(lineCount) ? 'line' : 'lines'} for ${selection}`,
    showMore: 'Show older charges',
    moreFailed: 'Older charges could not be loaded. Try again.',
    empty: 'No credits were charged for this selection.',
    run: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} on ${rows} ${isEnglishSingular(rowCount) ? 'row' : 'rows'} in ${workbook}: ${credits}`,
    rerun: ({ action, workbook, rows, rowCount, credits }) =>
      `Re-run of ${action} on ${rows} ${isEnglishSingular(rowCount) ? 'row' : 'rows'} in ${workbook}: ${credits}`,
    autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
      `Auto-Update refreshed ${rows} ${isEnglishSingular(rowCount) ? 'record' : 'records'} in ${workbook} ` +
      `with ${action}: ${credits}`,
    ai: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} in ${workbook}: ${rows} ${isEnglishSingular(rowCount) ? 'row' : 'rows'}, ${credits}, ` +
      'charged whatever the output',
    stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
      `Run of ${action} in ${workbook} stopped midway: ${rows} ` +
      `${isEnglishSingular(rowCount) ? 'request' : 'requests'} already sent stayed charged, ${credits}`,
    deduplicated: (count) => `${count} already paid, not charged again`,
    ownKey: (count) => `${count} free with your own API key`,
    refunded: (count, _, reasons) => `${count} refunded: ${reasons}`,
    refundReason: (count, _, reason) => `${count} ${reason}`,
    details: (sentence, details) => (details.length ? `${sentence} (${details.join('; ')})` : sentence),
  },
  fillRate: {
    title: 'Fill rate',
    field: 'Field',
    fillRate: 'Fill rate',
    filled: (filled, total) => `${filled} of ${total} records`,
    creditsToFill: 'Credits to fill gaps',
    fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
    complete: 'Complete',
    missing: 'Missing',
    total: 'Total',
    noAction: 'No action fills this field',
    empty: 'This audience has no records or fields to rate yet.',
  },
};
