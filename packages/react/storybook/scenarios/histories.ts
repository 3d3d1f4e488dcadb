import {
  alert,
  autoTopUp,
  type ChargeBatch,
  changePlan,
  charge,
  grant,
  type HistoryStep,
  ownKey,
  purchase,
  renew,
  spendLimit,
  type WorkspaceHistory,
} from './history';

/*
 * The workspaces the stories run on, as histories replayed through the in-page API. Every figure a story
 * shows (prices, balances, rollovers, limits, usage, refusals) is what the API made of these.
 */

/** The moment every story is looked at: the API's clock rests here. */
export const scenarioNow = '2026-11-20T09:30:00.000Z';

/** Workbooks and enrichments of the host product, as its users named them. */
export const ids = {
  outboundWorkbook: 'wb-q4-outbound',
  partnerWorkbook: 'wb-partner-accounts',
  hiringWorkbook: 'wb-hiring-research',
  workEmailsEnrichment: 'enr-q4-work-emails',
  mobilePhonesEnrichment: 'enr-q4-mobile-phones',
  aiSummariesEnrichment: 'enr-partner-ai-summaries',
  leadWorkbook: 'wb-lead-research',
} as const;

const { outboundWorkbook, partnerWorkbook, hiringWorkbook } = ids;
const { workEmailsEnrichment, mobilePhonesEnrichment, aiSummariesEnrichment } = ids;

/** Rows of the AI actions, by their tokens (R9). */
const summaryRow = { inputTokens: 950, outputTokens: 180 };

/** Work emails or mobile numbers for the Q4 outbound workbook, outside any enrichment. */
const emails = (charges: number, more: Partial<ChargeBatch> = {}): ChargeBatch => ({
  actionId: 'find-work-email',
  workbookId: outboundWorkbook,
  charges,
  ...more,
});
const mobileNumbers = (charges: number, more: Partial<ChargeBatch> = {}): ChargeBatch => ({
  actionId: 'find-mobile-phone',
  workbookId: outboundWorkbook,
  charges,
  ...more,
});
/** The same, by the workbook's enrichments (R12). */
const workEmails = (charges: number, more: Partial<ChargeBatch> = {}) =>
  emails(charges, { enrichmentId: workEmailsEnrichment, ...more });
const mobileEnrichment = (charges: number, more: Partial<ChargeBatch> = {}) =>
  mobileNumbers(charges, { enrichmentId: mobilePhonesEnrichment, ...more });

/**
 * An Explorer (monthly) workspace since 1 October: Q4 outbound (emails and mobile numbers), partner accounts
 * (companies and AI summaries), hiring research (people, LinkedIn, AI). Refunds where a provider delivered
 * nothing (R15), deduplicated second asks (R13), AI rows priced by their tokens (R9), a renewal on 1 November
 * that rolled October's unused credits over (R3), and 2,500 credits bought on 12 November (R17).
 */
function explorerSteps(): HistoryStep[] {
  return [
    charge('2026-10-08', { actionId: 'enrich-company', workbookId: partnerWorkbook, charges: 40 }),
    charge('2026-10-23', { actionId: 'enrich-company', workbookId: partnerWorkbook, charges: 18 }),
    charge('2026-10-28', workEmails(51, { refunded: 1 })),
    charge('2026-10-30', { actionId: 'ai-write-gpt-mini', workbookId: hiringWorkbook, charges: 30, usage: summaryRow }),
    renew('2026-11-01T00:00:00.000Z'),
    charge('2026-11-02', workEmails(42, { deduplicated: 2, refunded: 2 })),
    charge('2026-11-03', { actionId: 'verify-email', workbookId: outboundWorkbook, charges: 40 }),
    charge('2026-11-04', mobileEnrichment(30, { refunded: 3 })),
    charge('2026-11-05', { actionId: 'enrich-company', workbookId: partnerWorkbook, charges: 25 }),
    charge('2026-11-06', {
      actionId: 'ai-write-gpt-mini',
      workbookId: partnerWorkbook,
      enrichmentId: aiSummariesEnrichment,
      charges: 60,
      usage: summaryRow,
    }),
    charge('2026-11-09', { actionId: 'enrich-person', workbookId: hiringWorkbook, charges: 12, refunded: 1 }),
    charge('2026-11-10', { actionId: 'find-linkedin-url', workbookId: hiringWorkbook, charges: 15, deduplicated: 2 }),
    charge('2026-11-11', { actionId: 'find-phone-number', workbookId: outboundWorkbook, charges: 6, refunded: 1 }),
    purchase('2026-11-12T15:04:00.000Z', 2_500),
    charge('2026-11-12', {
      actionId: 'ai-write-gpt-large',
      workbookId: partnerWorkbook,
      charges: 4,
      usage: { inputTokens: 1_200, outputTokens: 300 },
    }),
    charge('2026-11-13', mobileEnrichment(18)),
    charge('2026-11-16', { actionId: 'lookup-company-domain', workbookId: partnerWorkbook, charges: 30 }),
    charge('2026-11-17', {
      actionId: 'ai-write-claude-haiku',
      workbookId: hiringWorkbook,
      charges: 20,
      usage: { inputTokens: 700, outputTokens: 150 },
    }),
    charge('2026-11-18', workEmails(25, { refunded: 1 })),
    charge('2026-11-19', mobileEnrichment(5)),
  ];
}

const explorerCreated = '2026-10-01T00:00:00.000Z';

/** The Explorer workspace with a workbook limit with room left and an enrichment limit, set when it started. */
export const normalHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: explorerCreated,
  steps: [
    spendLimit(explorerCreated, { workbookId: outboundWorkbook }, 5_000),
    spendLimit(explorerCreated, { enrichmentId: mobilePhonesEnrichment }, 1_000),
    spendLimit(explorerCreated, { enrichmentId: aiSummariesEnrichment }, 250, false),
    ...explorerSteps(),
  ],
};

/**
 * The Explorer workspace with five alerts set when it started (R25), armed or crossed by the month's charges as
 * the API decided while replaying them; the lead research workbook's, at 50% of a 20-credit limit, has nothing
 * spent yet, so the 10 work emails a live story's teammate charges there cross it.
 */
export const alertsHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: explorerCreated,
  steps: [
    spendLimit(explorerCreated, { workbookId: outboundWorkbook }, 5_000),
    spendLimit(explorerCreated, { enrichmentId: mobilePhonesEnrichment }, 1_000),
    alert(explorerCreated, { scope: 'balance', unit: 'credits', threshold: 500 }),
    alert(explorerCreated, { scope: 'workbook', scopeId: outboundWorkbook, unit: 'percent', threshold: 10 }),
    alert(explorerCreated, { scope: 'enrichment', scopeId: mobilePhonesEnrichment, unit: 'percent', threshold: 25 }),
    alert(explorerCreated, { scope: 'enrichment', scopeId: mobilePhonesEnrichment, unit: 'percent', threshold: 90 }),
    // Nothing spent yet in the lead research workbook: a live story's charges elsewhere cross this one.
    spendLimit(explorerCreated, { workbookId: ids.leadWorkbook }, 20),
    alert(explorerCreated, { scope: 'workbook', scopeId: ids.leadWorkbook, unit: 'percent', threshold: 50 }),
    ...explorerSteps(),
  ],
};

/** The same workspace with its own Phonebook and OpenAI keys from the start: their actions cost 0 (R10). */
export const ownKeyHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: explorerCreated,
  steps: [
    spendLimit(explorerCreated, { workbookId: outboundWorkbook }, 5_000),
    ownKey(explorerCreated, 'phonebook', 'pb_live_4tYw97Q2x'),
    ownKey(explorerCreated, 'openai', 'sk-proj-Hq81f9Kd'),
    ...explorerSteps(),
  ],
};

/**
 * The same workspace where the Q4 outbound workbook's limit leaves it 4 credits (R11) and its mobile phone
 * enrichment has spent all of its 500 (R12): a 10-credit mobile number is refused by both.
 */
export const limitReachedHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: explorerCreated,
  steps: [
    spendLimit(explorerCreated, { workbookId: outboundWorkbook }, 651),
    spendLimit(explorerCreated, { enrichmentId: mobilePhonesEnrichment }, 500),
    ...explorerSteps(),
  ],
};

/** The Explorer workspace with a downgrade to Starter at the period's end (R6). */
export const downgradeScheduledHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: explorerCreated,
  steps: [...explorerSteps(), changePlan('2026-11-19T16:00:00.000Z', 'starter-monthly')],
};

/**
 * A Starter workspace whose monthly renewal ran 20 minutes ago: its previous period spent 1,964.5 of 2,000, so
 * 35.5 credits rolled over (R3) and the new 2,000 are expected 90 minutes after the renewal (R7).
 */
export const renewalProcessingHistory: WorkspaceHistory = {
  planId: 'starter-monthly',
  createdAt: '2026-10-20T09:10:00.000Z',
  steps: [
    charge('2026-10-24', mobileNumbers(120, { refunded: 4 })),
    charge('2026-10-29', { actionId: 'enrich-person', workbookId: hiringWorkbook, charges: 200, refunded: 5 }),
    charge('2026-11-04', { actionId: 'find-phone-number', workbookId: outboundWorkbook, charges: 100, refunded: 2 }),
    charge('2026-11-10', { actionId: 'verify-email', workbookId: outboundWorkbook, charges: 241 }),
    renew('2026-11-20T09:10:00.000Z'),
  ],
};

/** A Starter workspace that signed up six days ago and has not run anything yet. */
export const emptyHistory: WorkspaceHistory = {
  planId: 'starter-monthly',
  createdAt: '2026-11-14T08:00:00.000Z',
  steps: [],
};

/**
 * A Starter workspace with auto top-up (R27): below 1,000 credits it adds 500, at most 1,500 a month. A mobile
 * phone enrichment of 110 numbers (1,100 credits) took it to 900, topped up to 1,400; a live story's teammate
 * buys 50 more and crosses again.
 */
export const autoTopUpHistory: WorkspaceHistory = {
  planId: 'starter-monthly',
  createdAt: '2026-11-02T08:00:00.000Z',
  steps: [
    autoTopUp('2026-11-02T08:00:00.000Z', { enabled: true, threshold: 1_000, credits: 500, monthlyCap: 1_500 }),
    charge('2026-11-09', { actionId: 'find-mobile-phone', workbookId: ids.leadWorkbook, charges: 110 }),
  ],
};

/**
 * A Starter workspace compensated for an outage with 500 credits until the end of the year and given 250
 * promotional credits that never expire (R28): its charges burn the plan allowance first, which expires sooner (R2).
 */
export const grantedHistory: WorkspaceHistory = {
  planId: 'starter-monthly',
  createdAt: '2026-11-05T08:00:00.000Z',
  steps: [
    grant('2026-11-09', {
      credits: 500,
      reason: 'compensation',
      note: 'Enrichment outage on 8 November',
      expiresAt: '2026-12-31T23:59:59Z',
    }),
    grant('2026-11-10', { credits: 250, reason: 'promotional', note: 'Launch week' }),
    charge('2026-11-12', { actionId: 'enrich-person', workbookId: outboundWorkbook, charges: 150 }),
  ],
};

/** A 14-day trial ending in four days: at most 100 credits survive into the free plan (R5). */
export const trialHistory: WorkspaceHistory = {
  planId: 'trial',
  createdAt: '2026-11-10T16:00:00.000Z',
  steps: [
    charge('2026-11-11', emails(240, { refunded: 6 })),
    charge('2026-11-16', { actionId: 'enrich-person', workbookId: outboundWorkbook, charges: 90 }),
  ],
};

/** An annual Explorer workspace eight months in: at renewal 15% of what is unused rolls over (R4). */
export const annualHistory: WorkspaceHistory = {
  planId: 'explorer-annual',
  createdAt: '2026-03-01T00:00:00.000Z',
  steps: [
    charge('2026-04-15', {
      actionId: 'ai-write-gpt-large',
      workbookId: partnerWorkbook,
      charges: 90,
      usage: { inputTokens: 120_000, outputTokens: 30_000 },
    }),
    charge('2026-11-03', emails(180, { refunded: 4 })),
    charge('2026-11-12', { actionId: 'enrich-company', workbookId: partnerWorkbook, charges: 90 }),
  ],
};

/** A Free workspace with 3 of its 100 monthly credits left: a 10-credit mobile number is refused (R14). */
export const outOfCreditsHistory: WorkspaceHistory = {
  planId: 'free',
  createdAt: '2026-11-01T00:00:00.000Z',
  steps: [
    charge('2026-11-05', emails(62, { refunded: 2 })),
    charge('2026-11-12', { actionId: 'enrich-person', workbookId: hiringWorkbook, charges: 18 }),
    charge('2026-11-18', { actionId: 'verify-email', workbookId: outboundWorkbook, charges: 2 }),
  ],
};

/** The lead research workbook's records: `lead-1`, `lead-2`, … */
export const leadPrefix = 'lead-';

/**
 * A Starter workspace whose lead research workbook is limited to 14 credits (R11) and has paid the work emails of
 * its first 4 leads (R13): a run over leads 1–24 would charge 10 of them and stop at the limit.
 */
export const leadsHistory: WorkspaceHistory = {
  planId: 'starter-monthly',
  createdAt: '2026-11-14T08:00:00.000Z',
  steps: [
    spendLimit('2026-11-14T08:00:00.000Z', { workbookId: ids.leadWorkbook }, 14),
    charge('2026-11-18', {
      actionId: 'find-work-email',
      workbookId: ids.leadWorkbook,
      charges: 4,
      records: { prefix: leadPrefix, field: 'work_email' },
    }),
  ],
};

/**
 * The seeds' "why were credits deducted?" causes (R24), in an Explorer workspace this month: a first run of
 * work emails with 2 refunds (R15), an Auto-Update refresh of 120 companies and a deliberate re-run of the
 * emails, both charged again, 40 AI summaries in a run (R9), and an AI run stopped midway after 3 rows (R16).
 */
export const whyChargedHistory: WorkspaceHistory = {
  planId: 'explorer-monthly',
  createdAt: '2026-11-01T00:00:00.000Z',
  steps: [
    charge('2026-11-17', emails(50, { refunded: 2 })),
    charge('2026-11-18', {
      actionId: 'enrich-company',
      workbookId: partnerWorkbook,
      charges: 120,
      trigger: 'auto_update',
    }),
    charge('2026-11-18', emails(50, { trigger: 'rerun' })),
    charge('2026-11-19', {
      actionId: 'ai-write-gpt-mini',
      workbookId: partnerWorkbook,
      charges: 40,
      usage: summaryRow,
      run: { id: 'run-partner-summaries', budget: 100 },
    }),
    charge('2026-11-19', {
      actionId: 'ai-write-gpt-mini',
      workbookId: hiringWorkbook,
      charges: 3,
      usage: summaryRow,
      run: { id: 'run-hiring-notes', budget: 50, stopped: true },
    }),
  ],
};
