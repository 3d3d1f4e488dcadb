import type {
  Action,
  AiEstimate,
  AiModel,
  AiRun,
  Balance,
  Charge,
  CurrentPlan,
  Grant,
  Integration,
  LedgerEntry,
  Plan,
  Purchase,
  Session,
  SpendLimit,
  UsageReport,
} from '@creditkit/sdk';

/** Valid bodies of every response, as the contract describes them. */
export const fixtures = {
  balance: {
    spendable: 1234.5,
    pending: 0,
    allowance: 2000,
    rolloverCap: 4000,
    periodStart: '2026-11-01T00:00:00.000Z',
    periodEnd: '2026-12-01T00:00:00.000Z',
    renewal: { status: 'none', expectedBy: null },
    bySource: { plan: 1000, rollover: 200, purchased: 34.5, granted: 0 },
  } satisfies Balance,
  grant: {
    id: 'grant_1',
    source: 'plan',
    credits: 2000,
    remaining: 1000,
    effectiveAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2026-12-01T00:00:00.000Z',
    priority: 0,
    reason: null,
    note: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  } satisfies Grant,
  ledgerEntry: {
    id: 'entry_1',
    type: 'charge',
    grantId: 'grant_1',
    chargeId: 'charge_1',
    credits: -2,
    balanceAfter: 1232.5,
    reason: null,
    createdAt: '2026-11-02T00:00:00.000Z',
  } satisfies LedgerEntry,
  plan: {
    id: 'starter-monthly',
    name: 'Starter (monthly)',
    interval: 'month',
    periodDays: null,
    credits: 2000,
    tier: 1,
    rollover: { policy: 'balance_cap', value: 2 },
    thenPlanId: null,
  } satisfies Plan,
  action: {
    id: 'find-mobile-phone',
    name: 'Find mobile phone',
    provider: 'phonebook',
    dataType: 'mobile_phone',
    kind: 'lookup',
    model: null,
    credits: 5,
    ownKey: false,
    effectiveCredits: 5,
  } satisfies Action,
  aiModel: {
    id: 'gpt-mini',
    name: 'GPT mini',
    provider: 'openai',
    inputCreditsPer1kTokens: 0.2,
    outputCreditsPer1kTokens: 0.6,
    ownKey: false,
  } satisfies AiModel,
  aiEstimate: {
    model: 'gpt-mini',
    rows: 100,
    inputTokens: 800,
    outputTokens: 200,
    perRow: 0.28,
    total: 28,
    ownKey: false,
  } satisfies AiEstimate,
  aiRun: {
    id: 'run_1',
    workbookId: 'wb_1',
    enrichmentId: null,
    model: 'gpt-mini',
    status: 'running',
    stopped: false,
    budget: 50,
    spent: 0.28,
    remaining: 49.72,
    createdAt: '2026-11-02T00:00:00.000Z',
    completedAt: null,
  } satisfies AiRun,
  integration: {
    provider: 'phonebook',
    name: 'Phonebook',
    ownKey: true,
    keyLast4: 'a1b2',
    updatedAt: '2026-11-02T00:00:00.000Z',
  } satisfies Integration,
  purchase: {
    id: 'purchase_1',
    credits: 500,
    grantId: 'grant_9',
    createdAt: '2026-11-02T00:00:00.000Z',
  } satisfies Purchase,
  session: {
    token: 'st_abc',
    workspaceId: 'ws_1',
    userId: 'user_1',
    role: 'member',
    expiresAt: '2026-11-02T01:00:00.000Z',
  } satisfies Session,
  spendLimit: {
    scope: 'workbook',
    id: 'wb_1',
    enabled: true,
    limit: 10,
    spent: 4,
    remaining: 6,
  } satisfies SpendLimit,
  usageReport: {
    groupBy: 'day',
    from: '2026-11-01',
    to: '2026-11-30',
    data: [{ key: '2026-11-02', charges: 3, charged: 7, refunded: 2, net: 5 }],
    totals: { charges: 3, charged: 7, refunded: 2, net: 5 },
  } satisfies UsageReport,
} as const;

export const chargeFixture: Charge = {
  id: 'charge_1',
  actionId: 'find-mobile-phone',
  workbookId: 'wb_1',
  recordId: 'rec_1',
  field: 'mobile_phone',
  enrichmentId: null,
  audienceId: null,
  runId: null,
  trigger: 'run',
  credits: 5,
  status: 'charged',
  refundReason: null,
  ledgerEntries: [fixtures.ledgerEntry],
  createdAt: '2026-11-02T00:00:00.000Z',
};

export const currentPlanFixture: CurrentPlan = {
  plan: fixtures.plan,
  periodStart: '2026-11-01T00:00:00.000Z',
  periodEnd: '2026-12-01T00:00:00.000Z',
  scheduledChange: null,
};

export function pageOf<Item>(data: Item[], nextCursor: string | null = null) {
  return { data, nextCursor };
}

/**
 * A stub responder serving `pages` by the `cursor` query parameter, as the API paginates: the first
 * page without a cursor, page n for cursor `page-n`, and `nextCursor: null` on the last. An unknown
 * cursor answers 400, so a client that loses its cursor fails loudly.
 */
export function pagesByCursor<Item>(pages: Item[][]) {
  return (request: { query: URLSearchParams }) => {
    const cursor = request.query.get('cursor');
    const index = cursor === null ? 0 : Number(/^page-(\d+)$/.exec(cursor)?.[1] ?? Number.NaN);
    const data = pages[index];
    if (data === undefined) return { status: 400, body: `unknown cursor ${cursor}` };
    return { body: pageOf(data, index + 1 < pages.length ? `page-${index + 1}` : null) };
  };
}
