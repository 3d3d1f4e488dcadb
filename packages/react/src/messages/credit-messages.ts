import type { ChargeTrigger, ParseCreditsResult } from '@creditkit/sdk';

/** Why typed text is not a credit amount, as `parseCredits` reports it. */
export type CreditAmountProblem = Extract<
  ParseCreditsResult,
  {
    /** Only the failed results carry a reason. */
    ok: false;
  }
>['reason'];

/**
 * A phrase around a credit amount. `formatted` is the amount as the reader's locale writes it
 * (`1,234.5`, `1.234,5`); `amount` is the number, to choose the plural form with `Intl.PluralRules`
 * of the message's language.
 */
export type CreditAmountMessage = (formatted: string, amount: number) => string;

/**
 * What an activity sentence is made of (R24), every value already formatted for the reader: the action's and
 * the workbook's names, how many rows (charges) and what they finally cost, as `common.credits` writes it.
 */
export interface ActivitySentence {
  /** The action's name from the catalogue, e.g. `Find work email`. */
  action: string;
  /** The workbook's name as the host gives it, else its id. */
  workbook: string;
  /** Charges made, formatted. */
  rows: string;
  /** Charges made, to choose a plural form. */
  rowCount: number;
  /** Net credits, e.g. `48 credits`. */
  credits: string;
}

/** A period the usage view's control offers: the last 7, 30 or 90 days, this month or last month (UTC). */
export type UsagePeriod = 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth';

/**
 * Every string a creditkit widget shows or announces, in one object: pass `overrides` to
 * `<CreditProvider>` to translate or reword any of them. Strings around numbers are functions that
 * receive the number already formatted for the locale, plus the raw number for plurals.
 */
export interface CreditMessages {
  /** Shared by every widget. */
  common: {
    /** Said until a widget's first answer arrives: a status line, or a cost badge's or fill-rate cell's text. */
    loading: string;
    /** Alert when a widget's data could not be loaded, with a `retry` button; a failed cost badge shows it alone. */
    loadFailed: string;
    /** Button after `loadFailed` that asks the API again. */
    retry: string;
    /** Closes the spend limit dialog when its limit could not be loaded. */
    close: string;
    /** A bare amount: "2 credits", "1 credit", "0.5 credits". */
    credits: CreditAmountMessage;
  };
  /** The cost badge of an action in the enrichment panel (R8–R10). */
  costBadge: {
    /** A lookup action's price, the badge's text: the action's effective credits (R8). */
    cost: CreditAmountMessage;
    /** The badge's text for an action that costs 0 credits without an own key. */
    free: string;
    /** The workspace's own API key pays for the provider (R10). */
    freeOwnKey: string;
    /** Added to the badge's description when the workspace's own key pays (R10); `provider` is the provider's id. */
    ownKeyHint: (provider: string) => string;
    /** An AI action's estimate for one row (R9). */
    perRow: CreditAmountMessage;
    /** The estimate for a run of `rowCount` rows; `rows` is the row count formatted. */
    total: (formatted: string, amount: number, rows: string, rowCount: number) => string;
    /** The badge's text when the API knows no action with this id; also a fill-rate cost cell whose price failed. */
    unknownAction: string;
    /** The badge's accessible name. */
    label: (actionName: string, cost: string) => string;
    /** What the badge discloses: who provides the data and what data it is (R8), ids as the API names them. */
    details: (provider: string, dataType: string) => string;
  };
  /** The workbook (R11) and enrichment (R12) spend limit dialog. */
  spendLimit: {
    /** The dialog's title, and its default trigger's text, for a workbook limit (R11). */
    workbookTitle: string;
    /** The dialog's title, and its default trigger's text, for an enrichment limit (R12). */
    enrichmentTitle: string;
    /** Under the title: what the limit does, and that refunds (R15) lower the spend. */
    description: string;
    /** Label of the switch that turns the limit on or off. */
    enable: string;
    /** Label of the limit's amount input (the reader's locale, up to 3 decimals). */
    limitLabel: string;
    /** Shown instead of `remaining` while the limit is off. */
    noLimit: string;
    /** What the workbook or enrichment has spent so far, net of refunds (R11). */
    spent: CreditAmountMessage;
    /** What can still be spent before charges are refused, while the limit is on. */
    remaining: CreditAmountMessage;
    /** What the limit being typed would leave to spend, before it is saved. */
    remainingOnceSaved: CreditAmountMessage;
    /** Shown instead of `remainingOnceSaved` while the limit is switched off and that is not saved yet. */
    noLimitOnceSaved: string;
    /** The submit button's text. */
    save: string;
    /** The submit button's text while the save is in flight. */
    saving: string;
    /** Announced politely once the API has accepted the save. */
    saved: string;
    /** Closes the dialog without saving. */
    cancel: string;
    /** Takes the place of `cancel` once the limit is saved: nothing is left to cancel. */
    done: string;
    /** Why the controls are disabled for a member (R20). */
    memberDisabled: string;
    /** Asked before saving a limit below what is already spent, as charges then stop at once. Amounts formatted. */
    confirmBelowSpent: (limit: string, spent: string) => string;
    /** The submit button's text while `confirmBelowSpent` asks for a second click. */
    confirmSave: string;
    /** Alert when the save failed for another reason than the role or the session; the previous limit comes back. */
    saveFailed: string;
    /** Why a save failed when the API no longer accepts the session token (401). */
    sessionEnded: string;
  };
  /** Why typed text is not an amount: the spend limit and the run budget inputs. */
  amountInput: Record<CreditAmountProblem, string>;
  /** The AI run budget input (R9). */
  runBudget: {
    /** The input's visible label, unless the `label` prop replaces it. */
    label: string;
    /** Under the label, and part of the input's description: what a budget does (R9). */
    description: string;
    /** Where the estimate goes, while it is computed or counted by the server. */
    estimating: string;
    /** Where the estimate goes, when it could not be made (an unknown model, a failed request). */
    estimateFailed: string;
    /** The run's estimate: per row and for all rows. */
    estimate: (perRow: string, total: string, rows: string, rowCount: number, totalAmount: number) => string;
    /** Amounts formatted, with their unit if the message wants one. */
    overBudget: (estimate: string, budget: string) => string;
    /** Polite warning when the budget is above the spendable balance (R1); amounts come with `common.credits`. */
    overBalance: (budget: string, spendable: string) => string;
    /** A budget must allow something. */
    zero: string;
    /** Shown instead of the estimate when the workspace's own key pays for the model: the run costs 0 credits (R10). */
    ownKey: string;
  };
  /** The cost summary next to a Run button (R23): what the selected rows would cost, before the click. */
  runCost: {
    /** The Run button's text, unless the host gives its own. */
    run: string;
    /** Shown, and the Run button disabled, while nothing is selected. */
    nothingSelected: string;
    /** The summary's first part: how many rows the run covers; `rows` is the count formatted. */
    rows: (rows: string, rowCount: number) => string;
    /** After `rows` until the quote for this selection arrives. */
    checking: string;
    /** What the run would charge at most: refunds (R15) can only lower it. Amount formatted. */
    upTo: CreditAmountMessage;
    /** What the run would charge when every row it reaches is free. */
    noCredits: string;
    /** Rows whose action and field were already paid, charged 0 (R13). */
    alreadyPaid: (rows: string, rowCount: number) => string;
    /** Every row was already paid: nothing to charge (R13). */
    allAlreadyPaid: string;
    /** Rows free because the workspace's own API key pays for the provider (R10). */
    ownKey: (rows: string, rowCount: number) => string;
    /** Where the run would stop, and the limit that stops it; `limit` is one of the limit names below. */
    stopsAfter: (rows: string, rowCount: number, limit: string) => string;
    /** The limit `stopsAfter` names when the workspace's balance would refuse the next charge (R14). */
    limitWorkspace: string;
    /** The limit `stopsAfter` names when the workbook's spend limit would refuse it (R11). */
    limitWorkbook: string;
    /** The limit `stopsAfter` names when the enrichment's spend limit would refuse it (R12). */
    limitEnrichment: string;
    /** The limit `stopsAfter` names when the AI run's budget would refuse it (R9). */
    limitRun: string;
    /** Joins the summary's parts: "Run on 24 rows · up to 20 credits · 4 already paid". */
    separator: string;
    /** The spendable balance once the run's charges are made (R1). */
    balanceAfter: CreditAmountMessage;
    /** The disclosure that shows the stopping limit's numbers (`limitReached.details`). */
    showLimit: string;
    /** When the quote could not be made: Run stays available, as the charges apply every limit anyway. */
    failed: string;
    /** The confirmation dialog's title. */
    confirmTitle: (rows: string, rowCount: number) => string;
    /** What the confirmation asks about, with the quote's amount formatted. */
    confirmCharge: CreditAmountMessage;
    /** Asked instead of `confirmCharge` when no quote is known for the selection (still checking, or failed). */
    confirmUnknown: string;
    /** The confirmation's button that starts the run. */
    confirmRun: string;
    /** The confirmation's button that closes it without running. */
    cancel: string;
  };
  /** The balance meter (R1, R3, R7). */
  balance: {
    /** The widget's heading, also the meter's accessible name. */
    title: string;
    /**
     * The spendable credits (R1), above the meter and as its spoken value, announced politely when they change.
     * `<LimitReachedNotice>` also says with it what remains when the balance refused a charge (R14).
     */
    spendable: CreditAmountMessage;
    /** The plan's credits per period, under the meter, which it describes. */
    allowance: CreditAmountMessage;
    /** The most plan + rollover credits a renewal may leave (R3); shown only when the plan has such a cap. */
    rolloverCap: CreditAmountMessage;
    /** Granted credits not yet effective, so not spendable (R1); shown only when above 0. */
    pending: CreditAmountMessage;
    /** `date` is formatted for the locale. */
    renewsOn: (date: string) => string;
    /** A renewal's credits are not in yet (R7): said instead of showing an alarming balance. */
    renewalProcessing: string;
    /**
     * Follows `renewalProcessing` when the API says by when the credits are due (R7); `time` is a date and time
     * formatted for the locale.
     */
    renewalExpectedBy: (time: string) => string;
    /** Label of the plan allowance's credits in the list by source, each amount written with `common.credits`. */
    sourcePlan: string;
    /** Label of the rolled-over credits (R3–R5) in the list by source. */
    sourceRollover: string;
    /** Label of the purchased credits, which never expire (R17), in the list by source. */
    sourcePurchased: string;
    /**
     * Label of the credits granted to the workspace (promotional, compensation, goodwill; R28), each until its own
     * expiry, in the list by source; listed only when there are some.
     */
    sourceGranted: string;
  };
  /** What the next renewal keeps and forfeits (R3–R6). */
  renewal: {
    /** The widget's heading. */
    title: string;
    /** Plan and rollover credits carried into the next period as rollover (R3–R5). */
    keeps: CreditAmountMessage;
    /** Plan and rollover credits that expire at the renewal; shown even when 0. */
    forfeits: CreditAmountMessage;
    /** Purchased credits, outside every cap (R3, R17); shown only when above 0. */
    purchasedKept: CreditAmountMessage;
    /** Granted credits that outlast the renewal, each until its own expiry (R28); shown only when above 0. */
    grantedKept: CreditAmountMessage;
    /** Granted credits whose own expiry comes before the renewal (R28); shown only when above 0. */
    grantedExpiring: CreditAmountMessage;
    /** The allowance of the plan renewed into. */
    newAllowance: CreditAmountMessage;
    /** The balance right after the renewal: kept, purchased and the new allowance. */
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
  /** The alert settings (R25): thresholds on the balance, spend limits and run budgets. */
  alerts: {
    /** The widget's heading. */
    title: string;
    /** Under the heading: what an alert does. */
    description: string;
    /** When the workspace has no alert. */
    empty: string;
    /** The list's accessible name. */
    listLabel: string;
    /** What the alert watches: the field's label and its choices. */
    scopeLabel: string;
    /** The scope choice: the workspace balance. */
    scopeBalance: string;
    /** The scope choice: a workbook's spend limit. */
    scopeWorkbook: string;
    /** The scope choice: an enrichment's spend limit. */
    scopeEnrichment: string;
    /** The scope choice: an AI run's budget. */
    scopeRun: string;
    /** The id of the workbook, enrichment or run a spend alert watches. */
    scopeIdLabel: string;
    /** How the threshold counts, and its choices: credits left (balance only) or a percentage. */
    unitLabel: string;
    /** The unit choice: credits left. */
    unitCredits: string;
    /** The unit choice: a percentage. */
    unitPercent: string;
    /** The threshold field's label. */
    thresholdLabel: string;
    /** A balance alert in credits, the threshold formatted and as a number for plurals. */
    balanceCredits: CreditAmountMessage;
    /** A balance alert in percent of the plan allowance, the percentage formatted. */
    balancePercent: (percent: string) => string;
    /** A spend alert: the scope's name (`scopeWorkbook`, ...), its id and the percentage used, formatted. */
    spendPercent: (scope: string, id: string, percent: string) => string;
    /** An alert's state: waiting for its value to cross, or crossed and waiting for it to come back. */
    armed: string;
    /** The state of an alert that fired and waits for its value to come back. */
    triggered: string;
    /** Buttons; `editLabel` and `removeLabel`, with the alert's description, are the accessible names of Edit and Remove. */
    add: string;
    /** The form's Save button. */
    save: string;
    /** The form's Cancel button. */
    cancel: string;
    /** An alert's Edit button. */
    edit: string;
    /** An alert's Remove button. */
    remove: string;
    /** Edit's accessible name, with the alert's description. */
    editLabel: (alert: string) => string;
    /** Remove's accessible name, with the alert's description. */
    removeLabel: (alert: string) => string;
    /** Said politely once a save or a removal went through. */
    saved: string;
    /** Said politely once a removal went through. */
    removed: string;
    /** Why a member only reads (R20). */
    memberReadOnly: string;
    /** Why no alert can be added: the workspace has the most it may have. */
    full: (maximum: string) => string;
    /** Inline problems of the form. */
    idRequired: string;
    /** A percentage that is not a whole number from 1 to 100. */
    percentProblem: string;
    /** A save or removal that failed, and one refused because the session ended. */
    saveFailed: string;
    /** A change refused because the session ended. */
    sessionEnded: string;
  };
  /** The auto top-up settings (R27): credits added when the balance falls below a threshold, within a monthly cap. */
  autoTopUp: {
    /** The widget's heading. */
    title: string;
    /** Under the heading: what an auto top-up does. */
    description: string;
    /** The summary of a setting that is off. */
    off: string;
    /** The summary of a setting that is on: the amount and the threshold, each formatted with `common.credits`. */
    summary: (credits: string, threshold: string) => string;
    /** This month's top-ups against the cap, each formatted with `common.credits`. */
    month: (toppedUp: string, cap: string) => string;
    /** The state of a setting waiting for the balance to fall below the threshold. */
    armed: string;
    /** The state after a fall below, until the balance is back at or above the threshold. */
    triggered: string;
    /** The on/off checkbox's label. */
    enabledLabel: string;
    /** The threshold field's label. */
    thresholdLabel: string;
    /** The amount field's label. */
    creditsLabel: string;
    /** The monthly cap field's label. */
    monthlyCapLabel: string;
    /** Under the cap field: the month it counts in. */
    monthlyCapHint: string;
    /** An amount of 0: every amount must be more than 0. */
    zeroProblem: string;
    /** A cap smaller than one top-up. */
    capBelowCredits: string;
    /** The Save button. */
    save: string;
    /** Said politely once a save went through. */
    saved: string;
    /** Why a member only reads (R20). */
    memberReadOnly: string;
    /** A save that failed. */
    saveFailed: string;
    /** A save refused because the session ended. */
    sessionEnded: string;
  };
  /** The notice of an alert that fired (`alert.triggered`, R25). */
  alertNotice: {
    /** The notice's title. */
    title: string;
    /** The balance that crossed, formatted with `common.credits`. */
    balanceNow: (spendable: string) => string;
    /** The spend that crossed: what was spent and the limit or budget, each formatted with `common.credits`. */
    spendNow: (spent: string, limit: string) => string;
    /** The button that hides the notice until the next alert. */
    dismiss: string;
  };
  /** The notice shown when a charge is refused (R11, R12, R14, R9 budgets), per scope. */
  limitReached: {
    /** The notice's title when the workspace balance refused the charge (R14). */
    workspace: string;
    /** The notice's title when a workbook's spend limit refused the charge (R11). */
    workbook: string;
    /** The notice's title when an enrichment's spend limit refused the charge (R12). */
    enrichment: string;
    /**
     * The notice's title when an AI run's next row would pass its budget (R9): said as a budget, not a limit.
     * The budget formatted, and as a number for plurals ("This run used its 2-credit budget.").
     */
    runBudget: CreditAmountMessage;
    /** Under `runBudget`: what the run spent and what is left of its budget, each written with `common.credits`. */
    runBudgetDetails: (spent: string, remaining: string) => string;
    /** The button a host wires with `onContinueRun`: a new run with a bigger budget for the rows not yet done (R9). */
    continueRun: string;
    /** The `LimitDetails` of the refusal, amounts formatted. */
    details: (limit: string, spent: string, remaining: string) => string;
    /** For admins (R20). */
    raiseLimit: string;
    /** Admins' button when the balance refused the charge; shown only with `onBuyCredits` (R17). */
    buyCredits: string;
    /** For members, who cannot change limits or buy. */
    askAdminToRaise: string;
    /** Told to members when the workspace balance refused the charge (R20). */
    askAdminToBuy: string;
  };
  /** The usage view (R18). */
  usage: {
    /** The widget's accessible name; not shown. */
    title: string;
    /** The chart's visible caption. */
    perDay: string;
    /** The chart's text alternative: dates formatted, `total` the period's net credits formatted. */
    chartLabel: (from: string, to: string, total: string, totalAmount: number) => string;
    /** One day's name and tooltip in the chart: `day` formatted, the day's net credits formatted. */
    dayTotal: (day: string, formatted: string, amount: number) => string;
    /** The chart's description: how the keyboard moves from day to day. */
    chartKeys: string;
    /** Names the period control. */
    period: string;
    /** The periods the control offers, ending today (UTC). */
    periods: Record<UsagePeriod, string>;
    /** Names the control that switches the table's grouping. */
    groupLabel: string;
    /** The grouping option, and then the table's caption, for usage by workbook. */
    byWorkbook: string;
    /** The grouping option, and then the table's caption, for usage by action. */
    byAction: string;
    /** The grouping option, and then the table's caption, for usage by provider. */
    byProvider: string;
    /** The grouping option, and then the table's caption, for usage by AI model. */
    byModel: string;
    /** Heading of the first column when grouped by workbook; its cells are the host's workbook ids. */
    columnWorkbook: string;
    /** Heading of the first column when grouped by action; its cells are action ids. */
    columnAction: string;
    /** Heading of the first column when grouped by provider; its cells are provider ids. */
    columnProvider: string;
    /** The grouping option, and then the table's caption, for usage by trigger: why the charges happened (R24). */
    byTrigger: string;
    /** Heading of the first column when grouped by AI model; its cells are model ids. */
    columnModel: string;
    /** Heading of the first column when grouped by trigger; its cells are `triggerNames`. */
    columnTrigger: string;
    /** What each trigger is called (R24), in the usage table and the activity's filter. */
    triggerNames: Record<ChargeTrigger, string>;
    /** Heading of the number of charges. */
    columnCharges: string;
    /** Heading of the credits charged, before refunds. */
    columnCharged: string;
    /** Heading of the credits refunded (R15). */
    columnRefunded: string;
    /** Heading of the credits charged less refunded. */
    columnNet: string;
    /** Heading of the table's totals row. */
    total: string;
    /** Button that saves the table, as grouped, as a CSV file from the API's export (R18). */
    downloadCsv: string;
    /** Alert when the CSV export could not be fetched. */
    downloadFailed: string;
    /** Shown instead of the chart and table when the period has no usage, or of the table when it has no rows. */
    empty: string;
  };
  /** Why credits were charged, in words (R24): the activity list, its filters and its sentences. */
  activity: {
    /** The widget's accessible name. */
    title: string;
    /** Names the group of filters. */
    filtersLabel: string;
    /** Label of the period filter. */
    periodFilter: string;
    /** A period option: the last `days` days, today included. */
    lastDays: (days: number) => string;
    /** Label of the workbook filter. */
    workbookFilter: string;
    /** The workbook filter's option for every workbook. */
    allWorkbooks: string;
    /** Label of the trigger filter. */
    triggerFilter: string;
    /** The trigger filter's option for every trigger. */
    allTriggers: string;
    /**
     * Said politely once the activity for new filters has loaded: `lines` is how many lines show, formatted;
     * `selection` names the period, workbook and trigger chosen.
     */
    filtersApplied: (lines: string, lineCount: number, selection: string) => string;
    /** Button that loads older activity. */
    showMore: string;
    /** Alert when older activity could not be loaded; the `showMore` button stays to try again. */
    moreFailed: string;
    /** Shown when nothing was charged for the filters chosen. */
    empty: string;
    /** A first run (R13: each record and field paid once). */
    run: (parts: ActivitySentence) => string;
    /** A deliberate re-run, charged again (R24). */
    rerun: (parts: ActivitySentence) => string;
    /** An Auto-Update refresh, charged again (R24). */
    autoUpdate: (parts: ActivitySentence) => string;
    /** AI rows: each one costs its tokens, whatever the model answered (R9). */
    ai: (parts: ActivitySentence) => string;
    /** A run stopped midway: what was already sent stayed charged (R16). */
    stoppedRun: (parts: ActivitySentence) => string;
    /** Asks charged 0 because the record's field was already paid for (R13); `count` formatted. */
    deduplicated: (count: string, amount: number) => string;
    /** Asks charged 0 because the workspace's own key paid the provider (R10); `count` formatted. */
    ownKey: (count: string, amount: number) => string;
    /** Refunds (R15): `count` formatted, `reasons` the reasons as the host names them, listed. */
    refunded: (count: string, amount: number, reasons: string) => string;
    /** One reason among several, with how many refunds gave it. */
    refundReason: (count: string, amount: number, reason: string) => string;
    /** Joins a sentence and its details (deduplicated, own key, refunded). */
    details: (sentence: string, details: readonly string[]) => string;
  };
  /** The Data Hub fill rate table (R22). */
  fillRate: {
    /** The table's caption. */
    title: string;
    /** Heading of the column of field names. */
    field: string;
    /** Heading of the column with each field's meter, percentage and `filled` count. */
    fillRate: string;
    /** `filled` and `total` are record counts, formatted; `filledCount` and `totalCount` the numbers, for plurals. */
    filled: (filled: string, total: string, filledCount: number, totalCount: number) => string;
    /** Heading of the column of what filling each field's gaps would cost (R22). */
    creditsToFill: string;
    /**
     * A field's cost to fill, and the total: missing records × the action's effective cost. An upper bound, as no
     * record is charged twice for a field (R13).
     */
    fillCost: CreditAmountMessage;
    /** A cost cell's text when no record lacks the field. */
    complete: string;
    /** Column of the records that lack the field. */
    missing: string;
    /** Heading of the totals row: all missing records and the cost to fill them. */
    total: string;
    /** A field no action fills, so no credits can fill it. */
    noAction: string;
    /** No records, or no fields, to rate. */
    empty: string;
  };
}
