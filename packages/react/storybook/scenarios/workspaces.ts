import { type ChargeBatch, createWorkspace, type Workspace } from './workspace';

/*
 * The offline workspaces the stories run on. Each is a history; balances, limits, usage and prices are
 * derived from it (see workspace.ts). The clock stands still at `scenarioNow`, so every story shows
 * the same figures on every day.
 */

/** The moment every scenario is looked at. */
export const scenarioNow = '2026-11-20T09:30:00.000Z';

/** Workbooks and enrichments of the host product, as its users named them. */
export const ids = {
  outboundWorkbook: 'wb-q4-outbound',
  partnerWorkbook: 'wb-partner-accounts',
  hiringWorkbook: 'wb-hiring-research',
  workEmailsEnrichment: 'enr-q4-work-emails',
  mobilePhonesEnrichment: 'enr-q4-mobile-phones',
  aiSummariesEnrichment: 'enr-partner-ai-summaries',
} as const;

const { outboundWorkbook, partnerWorkbook, hiringWorkbook } = ids;
const { workEmailsEnrichment, mobilePhonesEnrichment, aiSummariesEnrichment } = ids;

/**
 * Thirty days of an Explorer workspace's work: Q4 outbound (emails and mobile numbers), partner accounts
 * (companies and AI summaries), hiring research (people, LinkedIn, AI). Refunds where a provider delivered
 * nothing (R15), deduplicated second asks (R13), AI rows priced by their tokens (R9).
 * October's charges belong to the previous period; November's were paid from this period's grants.
 */
const explorerHistory: ChargeBatch[] = [
  { day: '2026-10-23', workbookId: partnerWorkbook, actionId: 'enrich-company', charges: 180 },
  {
    day: '2026-10-28',
    workbookId: outboundWorkbook,
    enrichmentId: workEmailsEnrichment,
    actionId: 'find-work-email',
    charges: 510,
    refunded: 7,
  },
  {
    day: '2026-10-30',
    workbookId: hiringWorkbook,
    actionId: 'ai-write-gpt-mini',
    charges: 300,
    tokens: { inputTokens: 950, outputTokens: 180 },
  },
  {
    day: '2026-11-02',
    workbookId: outboundWorkbook,
    enrichmentId: workEmailsEnrichment,
    actionId: 'find-work-email',
    charges: 420,
    deduplicated: 12,
    refunded: 18,
  },
  { day: '2026-11-03', workbookId: outboundWorkbook, actionId: 'verify-email', charges: 400 },
  {
    day: '2026-11-04',
    workbookId: outboundWorkbook,
    enrichmentId: mobilePhonesEnrichment,
    actionId: 'find-mobile-phone',
    charges: 30,
    refunded: 3,
  },
  { day: '2026-11-05', workbookId: partnerWorkbook, actionId: 'enrich-company', charges: 250 },
  {
    day: '2026-11-06',
    workbookId: partnerWorkbook,
    enrichmentId: aiSummariesEnrichment,
    actionId: 'ai-write-gpt-mini',
    charges: 600,
    tokens: { inputTokens: 950, outputTokens: 180 },
  },
  { day: '2026-11-09', workbookId: hiringWorkbook, actionId: 'enrich-person', charges: 120, refunded: 4 },
  { day: '2026-11-10', workbookId: hiringWorkbook, actionId: 'find-linkedin-url', charges: 150, deduplicated: 20 },
  { day: '2026-11-11', workbookId: outboundWorkbook, actionId: 'find-phone-number', charges: 60, refunded: 6 },
  {
    day: '2026-11-12',
    workbookId: partnerWorkbook,
    actionId: 'ai-write-gpt-large',
    charges: 40,
    tokens: { inputTokens: 1200, outputTokens: 300 },
  },
  {
    day: '2026-11-13',
    workbookId: outboundWorkbook,
    enrichmentId: mobilePhonesEnrichment,
    actionId: 'find-mobile-phone',
    charges: 18,
  },
  { day: '2026-11-16', workbookId: partnerWorkbook, actionId: 'lookup-company-domain', charges: 300 },
  {
    day: '2026-11-17',
    workbookId: hiringWorkbook,
    actionId: 'ai-write-claude-haiku',
    charges: 200,
    tokens: { inputTokens: 700, outputTokens: 150 },
  },
  {
    day: '2026-11-18',
    workbookId: outboundWorkbook,
    enrichmentId: workEmailsEnrichment,
    actionId: 'find-work-email',
    charges: 250,
    refunded: 9,
  },
  {
    day: '2026-11-19',
    workbookId: outboundWorkbook,
    enrichmentId: mobilePhonesEnrichment,
    actionId: 'find-mobile-phone',
    charges: 5,
  },
];

const explorer = {
  planId: 'explorer-monthly',
  now: scenarioNow,
  periodStart: '2026-11-01T00:00:00.000Z',
  // October left more than this unused; the monthly cap (R3) allows up to 10,000.
  openingRollover: 4_000,
  purchases: [{ credits: 2_500, at: '2026-11-12T15:04:00.000Z' }],
  history: explorerHistory,
};

/** An Explorer workspace mid-period: a workbook limit with room left, an enrichment limit, no own keys. */
export function normalWorkspace(): Workspace {
  return createWorkspace({
    ...explorer,
    spendLimits: {
      workbook: { [outboundWorkbook]: { enabled: true, limit: 5_000 } },
      enrichment: {
        [mobilePhonesEnrichment]: { enabled: true, limit: 1_000 },
        [aiSummariesEnrichment]: { enabled: false, limit: 250 },
      },
    },
  });
}

/** The same workspace with its own Phonebook and OpenAI keys: phone numbers and GPT rows cost 0 (R10). */
export function ownKeyWorkspace(): Workspace {
  const since = '2026-10-01T08:00:00.000Z';
  return createWorkspace({
    ...explorer,
    ownKeys: { phonebook: { last4: '7Q2x', since }, openai: { last4: 'f9Kd', since } },
    spendLimits: { workbook: { [outboundWorkbook]: { enabled: true, limit: 5_000 } } },
  });
}

/**
 * The same workspace where the Q4 outbound workbook has 4 of its 2,000 credits left (R11) and its mobile
 * phone enrichment has spent all of its 500 (R12): a 10-credit mobile number is refused by both.
 */
export function limitReachedWorkspace(): Workspace {
  return createWorkspace({
    ...explorer,
    spendLimits: {
      workbook: { [outboundWorkbook]: { enabled: true, limit: 2_000 } },
      enrichment: { [mobilePhonesEnrichment]: { enabled: true, limit: 500 } },
    },
  });
}

/** The Explorer workspace with a downgrade to Starter at the period's end (R6): most credits will not roll. */
export function downgradeScheduledWorkspace(): Workspace {
  return createWorkspace({ ...explorer, scheduledPlanId: 'starter-monthly' });
}

/**
 * A Starter workspace whose monthly renewal ran 20 minutes ago: 35.5 credits rolled over (R3) and the new
 * 2,000 are expected within 90 minutes (R7). Its previous period spent 1,964.5 of 2,000, so the balance
 * reads alarmingly low until the renewal lands.
 */
export function renewalProcessingWorkspace(): Workspace {
  const previousPeriod: ChargeBatch[] = [
    { day: '2026-10-24', workbookId: outboundWorkbook, actionId: 'find-work-email', charges: 800, refunded: 20 },
    { day: '2026-10-29', workbookId: hiringWorkbook, actionId: 'enrich-person', charges: 250, refunded: 5 },
    { day: '2026-11-04', workbookId: outboundWorkbook, actionId: 'verify-email', charges: 700 },
    { day: '2026-11-10', workbookId: outboundWorkbook, actionId: 'find-phone-number', charges: 100, refunded: 4 },
    { day: '2026-11-17', workbookId: outboundWorkbook, actionId: 'verify-email', charges: 113 },
  ];
  return createWorkspace({
    planId: 'starter-monthly',
    now: scenarioNow,
    periodStart: '2026-11-20T09:10:00.000Z',
    openingRollover: 35.5,
    renewalDelayMinutes: 90,
    history: previousPeriod,
  });
}

/** A Starter workspace that signed up six days ago and has not run anything yet. */
export function emptyWorkspace(): Workspace {
  return createWorkspace({
    planId: 'starter-monthly',
    now: scenarioNow,
    periodStart: '2026-11-14T08:00:00.000Z',
    openingRollover: 0,
    history: [],
  });
}

/** A 14-day trial ending in four days: at most 100 credits survive into the free plan (R5). */
export function trialWorkspace(): Workspace {
  return createWorkspace({
    planId: 'trial',
    now: scenarioNow,
    periodStart: '2026-11-10T16:00:00.000Z',
    openingRollover: 0,
    history: [
      { day: '2026-11-11', workbookId: outboundWorkbook, actionId: 'find-work-email', charges: 240, refunded: 6 },
      { day: '2026-11-16', workbookId: outboundWorkbook, actionId: 'enrich-person', charges: 90 },
    ],
  });
}

/**
 * An annual Explorer workspace eight months in: at renewal 15% of what is unused rolls over (R4). It
 * spent 74,250 of its 120,000 in earlier months; the last 30 days are in its history.
 */
export function annualWorkspace(): Workspace {
  return createWorkspace({
    planId: 'explorer-annual',
    now: scenarioNow,
    periodStart: '2026-03-01T00:00:00.000Z',
    openingRollover: 0,
    history: [
      { day: '2026-04-15', workbookId: partnerWorkbook, actionId: 'enrich-company', charges: 74_250 },
      { day: '2026-11-03', workbookId: outboundWorkbook, actionId: 'find-work-email', charges: 1_800, refunded: 35 },
      { day: '2026-11-12', workbookId: partnerWorkbook, actionId: 'enrich-company', charges: 900 },
    ],
  });
}

/** A Free workspace with 3 of its 100 monthly credits left: a 10-credit mobile number is refused (R14). */
export function outOfCreditsWorkspace(): Workspace {
  return createWorkspace({
    planId: 'free',
    now: scenarioNow,
    periodStart: '2026-11-01T00:00:00.000Z',
    openingRollover: 0,
    history: [
      { day: '2026-11-05', workbookId: outboundWorkbook, actionId: 'find-work-email', charges: 62, refunded: 2 },
      { day: '2026-11-12', workbookId: hiringWorkbook, actionId: 'enrich-person', charges: 18 },
      { day: '2026-11-18', workbookId: outboundWorkbook, actionId: 'verify-email', charges: 2 },
    ],
  });
}
