import type { ParseCreditsResult } from '@creditkit/sdk';

/** Why typed text is not a credit amount, as `parseCredits` reports it. */
export type CreditAmountProblem = Extract<ParseCreditsResult, { ok: false }>['reason'];

/**
 * A phrase around a credit amount. `formatted` is the amount as the reader's locale writes it
 * (`1,234.5`, `1.234,5`); `amount` is the number, to choose the plural form with `Intl.PluralRules`
 * of the message's language.
 */
export type CreditAmountMessage = (formatted: string, amount: number) => string;

/**
 * Every string a creditkit widget shows or announces, in one object: pass `overrides` to
 * `<CreditProvider>` to translate or reword any of them. Strings around numbers are functions that
 * receive the number already formatted for the locale, plus the raw number for plurals.
 */
export interface CreditMessages {
  /** Shared by every widget. */
  common: {
    loading: string;
    loadFailed: string;
    retry: string;
    close: string;
    /** A bare amount: "2 credits", "1 credit", "0.5 credits". */
    credits: CreditAmountMessage;
  };
  /** The cost badge of an action in the enrichment panel (R8–R10). */
  costBadge: {
    cost: CreditAmountMessage;
    free: string;
    /** The workspace's own API key pays for the provider (R10). */
    freeOwnKey: string;
    ownKeyHint: (provider: string) => string;
    /** An AI action's estimate for one row (R9). */
    perRow: CreditAmountMessage;
    /** The estimate for a run of `rowCount` rows; `rows` is the row count formatted. */
    total: (formatted: string, amount: number, rows: string, rowCount: number) => string;
    unknownAction: string;
    /** The badge's accessible name. */
    label: (actionName: string, cost: string) => string;
    /** What the badge discloses: who provides the data and what data it is (R8), ids as the API names them. */
    details: (provider: string, dataType: string) => string;
  };
  /** The workbook (R11) and enrichment (R12) spend limit dialog. */
  spendLimit: {
    workbookTitle: string;
    enrichmentTitle: string;
    description: string;
    enable: string;
    limitLabel: string;
    noLimit: string;
    spent: CreditAmountMessage;
    remaining: CreditAmountMessage;
    save: string;
    saving: string;
    saved: string;
    cancel: string;
    /** Why the controls are disabled for a member (R20). */
    memberDisabled: string;
    /** Asked before saving a limit below what is already spent, as charges then stop at once. Amounts formatted. */
    confirmBelowSpent: (limit: string, spent: string) => string;
    confirmSave: string;
    saveFailed: string;
    /** Why a save failed when the API no longer accepts the session token (401). */
    sessionEnded: string;
  };
  /** Why typed text is not an amount: the spend limit and the run budget inputs. */
  amountInput: Record<CreditAmountProblem, string>;
  /** The AI run budget input (R9). */
  runBudget: {
    label: string;
    description: string;
    estimating: string;
    estimateFailed: string;
    /** The run's estimate: per row and for all rows. */
    estimate: (perRow: string, total: string, rows: string, rowCount: number, totalAmount: number) => string;
    /** Amounts formatted, with their unit if the message wants one. */
    overBudget: (estimate: string, budget: string) => string;
    overBalance: (budget: string, spendable: string) => string;
    /** A budget must allow something. */
    zero: string;
    ownKey: string;
  };
  /** The balance meter (R1, R3, R7). */
  balance: {
    title: string;
    spendable: CreditAmountMessage;
    allowance: CreditAmountMessage;
    rolloverCap: CreditAmountMessage;
    pending: CreditAmountMessage;
    /** `date` is formatted for the locale. */
    renewsOn: (date: string) => string;
    /** A renewal's credits are not in yet (R7): said instead of showing an alarming balance. */
    renewalProcessing: string;
    renewalExpectedBy: (time: string) => string;
    sourcePlan: string;
    sourceRollover: string;
    sourcePurchased: string;
  };
  /** What the next renewal keeps and forfeits (R3–R6). */
  renewal: {
    title: string;
    keeps: CreditAmountMessage;
    forfeits: CreditAmountMessage;
    purchasedKept: CreditAmountMessage;
    newAllowance: CreditAmountMessage;
    balanceAfter: CreditAmountMessage;
    /** The renewal moves to another plan: a scheduled change (R6) or the end of a trial (R5). */
    nextPlan: (planName: string) => string;
    /** The monthly rule (R3): the amount is the most plan + rollover credits after renewal. */
    ruleBalanceCap: CreditAmountMessage;
    /** The annual rule (R4); `percent` is formatted for the locale ("15%"). */
    ruleUnusedPercent: (percent: string) => string;
    /** The trial and free rule (R5). */
    ruleFixedMax: CreditAmountMessage;
  };
  /** The notice shown when a charge is refused (R11, R12, R14, R9 budgets), per scope. */
  limitReached: {
    workspace: string;
    workbook: string;
    enrichment: string;
    run: string;
    /** The `LimitDetails` of the refusal, amounts formatted. */
    details: (limit: string, spent: string, remaining: string) => string;
    /** For admins (R20). */
    raiseLimit: string;
    buyCredits: string;
    /** For members, who cannot change limits or buy. */
    askAdminToRaise: string;
    askAdminToBuy: string;
  };
  /** The usage view (R18). */
  usage: {
    title: string;
    perDay: string;
    /** The chart's text alternative: dates formatted, `total` the period's net credits formatted. */
    chartLabel: (from: string, to: string, total: string, totalAmount: number) => string;
    /** One bar's tooltip: `day` formatted, the day's net credits formatted. */
    dayTotal: (day: string, formatted: string, amount: number) => string;
    /** Names the control that switches the table's grouping. */
    groupLabel: string;
    byWorkbook: string;
    byAction: string;
    byProvider: string;
    byModel: string;
    columnDay: string;
    columnWorkbook: string;
    columnAction: string;
    columnProvider: string;
    columnModel: string;
    columnCharges: string;
    columnCharged: string;
    columnRefunded: string;
    columnNet: string;
    total: string;
    downloadCsv: string;
    downloadFailed: string;
    empty: string;
  };
  /** The Data Hub fill rate table (R22). */
  fillRate: {
    title: string;
    field: string;
    fillRate: string;
    /** `filled` and `total` are record counts, formatted. */
    filled: (filled: string, total: string) => string;
    creditsToFill: string;
    fillCost: CreditAmountMessage;
    complete: string;
    /** Column of the records that lack the field. */
    missing: string;
    total: string;
    /** A field no action fills, so no credits can fill it. */
    noAction: string;
    /** No records, or no fields, to rate. */
    empty: string;
  };
}
