import { waitUntil } from '../support/wait-until';
import type { ConformanceWorkspace } from './conformance-workspace';
import type { OperationRequest, RequestValues } from './operation-requests';

/*
 * What the schemas cannot know about each operation, keyed by operationId: which ids must name something
 * that exists (a charge, a run, an action) or must be new (a run id), the workspace state an operation
 * needs, and the refusals that state explains. Everything else comes from the document. Every operation
 * of the document needs an entry here, even an empty one, so a new route is never walked by accident.
 */

export interface FixtureContext {
  workspace: ConformanceWorkspace;
  /** Different for every request the suite builds, for ids that must be new. */
  sequence: number;
}

/** A refusal the workspace's state explains for a value the schema accepts (a boundary amount, an unknown id). */
export interface StateRefusal {
  status: number;
  code: string;
}

export interface OperationFixture {
  /** Once per workspace, before the operation is walked: state it needs (a purchase, a charge, a run). */
  setup?: (workspace: ConformanceWorkspace) => Promise<void>;
  /** Values for one request: ids that exist or are new. Called for every request that may change something. */
  prepare?: (context: FixtureContext) => Promise<RequestValues>;
  /**
   * Parameters and body properties that must name something that exists: a value the schema accepts may
   * name nothing, and is then answered 404 `not_found`.
   */
  references?: readonly string[];
  /**
   * Parameters whose values only the API issues (a page's `nextCursor`): any other value the schema accepts is
   * refused with 400 `validation_failed`, as the parameter's description says.
   */
  issuedByApi?: readonly string[];
  /** Refusals the workspace's state explains when a boundary value asks for too much. */
  stateRefusals?: readonly StateRefusal[];
  /** Rules between fields that a schema cannot state, applied to every request. */
  complete?: (request: OperationRequest) => void;
  /** Reads that show this operation's effect, besides the balance, ledger, grants, plan and own keys. */
  observe?: (request: OperationRequest) => string[];
}

type Listed = { data: Record<string, unknown>[] };

const idsOf = async (workspace: ConformanceWorkspace, path: string, key = 'id') =>
  ((await workspace.api('GET', path)) as unknown as Listed).data.map((item) => String(item[key]));

/** The nth of a list, round and round. */
const nth = <T>(list: readonly T[], n: number): T => {
  const item = list[n % list.length];
  if (item === undefined) throw new Error('An empty list has no nth item.');
  return item;
};

async function newCharge(workspace: ConformanceWorkspace, sequence: number): Promise<string> {
  const charge = await workspace.api('POST', '/v1/charges', {
    actionId: 'find-work-email',
    workbookId: 'wb_conformance',
    recordId: `rec_fixture_${sequence}`,
    field: 'email',
  });
  return String(charge.id);
}

async function newRun(workspace: ConformanceWorkspace, sequence: number): Promise<string> {
  const run = await workspace.api('POST', '/v1/ai/runs', {
    runId: `run_fixture_${sequence}`,
    workbookId: 'wb_conformance',
    budget: 1,
  });
  return String(run.id);
}

/** A cursor the API gave: the second page of a list of one item per page. */
async function secondPageCursor(workspace: ConformanceWorkspace, path: string): Promise<string> {
  const page = await workspace.api('GET', `${path}?limit=1`);
  if (typeof page.nextCursor !== 'string') throw new Error(`${path} has no second page to point a cursor at.`);
  return page.nextCursor;
}

/** A purchase, so lists have more than one page. */
const buySomeCredits = async (workspace: ConformanceWorkspace) => {
  await workspace.api('POST', '/v1/purchases', { credits: 5 });
};

/** Plans a workspace may move to (a trial is where one starts, never where one moves). */
const movablePlans = async (workspace: ConformanceWorkspace) =>
  (await idsOf(workspace, '/v1/plans')).filter((id) => id !== 'trial');

const spendLimitRead = (segment: string, name: string) => (request: OperationRequest) => [
  `/v1/${segment}/${encodeURIComponent(String(request.path[name]))}/spend-limit`,
];

/** Usage's period runs from `from` to `to`: a boundary given for one end gets the widest other end. */
function widestPeriod(request: OperationRequest): void {
  if (request.query.from !== undefined && request.query.to === undefined) request.query.to = '9999-12-31';
  if (request.query.to !== undefined && request.query.from === undefined) request.query.from = '0001-01-01';
}

/**
 * A grant's expiry must be in the future (R28), a rule between the value and the server's clock: a timestamp
 * the schema accepts moves to the year 9999, keeping its shape (offset, fractions); one that is no timestamp
 * stays, for the server to refuse.
 */
function futureExpiry(request: OperationRequest): void {
  const body = request.body as { expiresAt?: unknown } | undefined;
  if (typeof body?.expiresAt === 'string' && Number.isFinite(Date.parse(body.expiresAt))) {
    body.expiresAt = `9999${body.expiresAt.slice(4)}`;
  }
}

const dayMs = 24 * 60 * 60 * 1000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const firstDay = Date.parse('0000-01-01T00:00:00.000Z');
const lastDay = Date.parse('9999-12-31T00:00:00.000Z');

/**
 * Activity covers at most 92 days (a rule between `from` and `to`): a boundary given for one end gets the
 * other end 91 days away, and a pair further apart (or reversed) keeps `from` and ends 91 days after it.
 */
function boundedPeriod(request: OperationRequest): void {
  const span = 91 * dayMs;
  const timeOf = (day: unknown) => (typeof day === 'string' ? Date.parse(`${day}T00:00:00.000Z`) : Number.NaN);
  const from = timeOf(request.query.from);
  const to = timeOf(request.query.to);
  // A value that is no date is the refusal being walked: leave it for the server to refuse.
  if (request.query.from !== undefined && !Number.isFinite(from)) return;
  if (request.query.to !== undefined && !Number.isFinite(to)) return;
  if (request.query.from !== undefined && request.query.to === undefined) {
    request.query.to = dayOf(Math.min(from + span, lastDay));
  } else if (request.query.to !== undefined && request.query.from === undefined) {
    request.query.from = dayOf(Math.max(to - span, firstDay));
  } else if (request.query.from !== undefined && (to < from || to - from > span)) {
    request.query.to = dayOf(Math.min(from + span, lastDay));
  }
}

/** Charges of two actions today, so the activity has a second page to point a cursor at. */
const chargeTwoActions = async (workspace: ConformanceWorkspace) => {
  for (const actionId of ['find-work-email', 'verify-email']) {
    await workspace.api('POST', '/v1/charges', {
      actionId,
      workbookId: 'wb_conformance',
      recordId: 'rec_activity',
      field: actionId,
    });
  }
};

const setupOnce = <T>(make: (workspace: ConformanceWorkspace) => Promise<T>) => {
  const made = new WeakMap<ConformanceWorkspace, Promise<T>>();
  return (workspace: ConformanceWorkspace): Promise<T> => {
    const found = made.get(workspace) ?? make(workspace);
    made.set(workspace, found);
    return found;
  };
};

const existingCharge = setupOnce((workspace) => newCharge(workspace, 0));
const existingRun = setupOnce((workspace) => newRun(workspace, 0));

/** A webhook URL on this machine's discard port: events the walk causes may be sent to it, and go nowhere else. */
const discardUrl = 'http://127.0.0.1:9/conformance';

/** Deletes the workspace's webhook endpoints once it holds 10, so creations stay under the bound of 16. */
async function roomForAnEndpoint(workspace: ConformanceWorkspace): Promise<void> {
  const ids = await idsOf(workspace, '/v1/webhook-endpoints');
  if (ids.length < 10) return;
  for (const id of ids) await workspace.api('DELETE', `/v1/webhook-endpoints/${id}`);
}

async function newEndpoint(workspace: ConformanceWorkspace): Promise<string> {
  await roomForAnEndpoint(workspace);
  return String((await workspace.api('POST', '/v1/webhook-endpoints', { url: discardUrl })).id);
}

/** An endpoint with two deliveries (two purchases after it), so its deliveries have a second page. */
const endpointWithDeliveries = setupOnce(async (workspace) => {
  const endpointId = await newEndpoint(workspace);
  await workspace.api('POST', '/v1/purchases', { credits: 1 });
  await workspace.api('POST', '/v1/purchases', { credits: 1 });
  const path = `/v1/webhook-endpoints/${endpointId}/deliveries`;
  await waitUntil(async () => (await idsOf(workspace, path)).length === 2, 'the purchases to be queued as deliveries');
  const [deliveryId = ''] = await idsOf(workspace, path);
  return { endpointId, deliveryId };
});

const endpointRead = (request: OperationRequest) => [
  `/v1/webhook-endpoints/${encodeURIComponent(String(request.path.endpointId))}`,
];

/** An own-key route: the path names one of the workspace's integrations, a different one each request. */
const eachProvider: OperationFixture = {
  prepare: async ({ workspace, sequence }) => ({
    path: { provider: nth(await idsOf(workspace, '/v1/integrations', 'provider'), sequence) },
  }),
  references: ['provider'],
};

/**
 * R25's rules between an alert's fields: only a balance alert has no `scopeId`, only it counts in credits (up to
 * 3 decimals), and a percentage is whole, 1–100. A value the document refuses is left for the server to refuse.
 */
function alertRules(request: OperationRequest): void {
  const { body } = request;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const alert = body as Record<string, unknown>;
  if (alert.scope === 'balance') delete alert.scopeId;
  else if (typeof alert.scope === 'string' && alert.scopeId === undefined) alert.scopeId = 'wb_conformance';
  if (alert.scope !== 'balance' && alert.unit === 'credits') alert.unit = 'percent';
  const { threshold } = alert;
  if (typeof threshold !== 'number' || threshold < 0 || threshold > 1_000_000_000) return;
  if (alert.unit === 'percent') alert.threshold = Math.min(100, Math.max(1, Math.round(threshold)));
  if (alert.unit === 'credits') alert.threshold = Math.round(threshold * 1000) / 1000;
}

/**
 * R27's rule between the auto top-up's amounts: the monthly cap holds at least one top-up (else none could be made),
 * which the schema's JSON cannot state. A request that breaks it is raised to the amount.
 */
function autoTopUpRules(request: OperationRequest): void {
  const { body } = request;
  if (typeof body !== 'object' || body === null) return;
  const setting = body as Record<string, unknown>;
  const { credits, monthlyCap } = setting;
  if (typeof credits === 'number' && typeof monthlyCap === 'number' && monthlyCap < credits) {
    setting.monthlyCap = credits;
  }
}

const newAlert = async (workspace: ConformanceWorkspace) =>
  String((await workspace.api('POST', '/v1/alerts', { scope: 'balance', unit: 'credits', threshold: 10 })).id);
const existingAlert = setupOnce(newAlert);

/**
 * A new alert for each delete, since requests are prepared before any is sent. Refused deletes leave theirs, so
 * the oldest go before the workspace nears its 50 (`too_many_alerts`); prepared requests name the newest.
 */
async function newDeletableAlert(workspace: ConformanceWorkspace): Promise<string> {
  const ids = await idsOf(workspace, '/v1/alerts');
  if (ids.length >= 40) for (const id of ids.slice(0, 20)) await workspace.api('DELETE', `/v1/alerts/${id}`);
  return newAlert(workspace);
}

export const operationFixtures: Record<string, OperationFixture> = {
  createSession: {},
  getBalance: {},
  listGrants: {
    setup: buySomeCredits,
    prepare: async ({ workspace }) => ({ query: { cursor: await secondPageCursor(workspace, '/v1/grants') } }),
    issuedByApi: ['cursor'],
  },
  listLedgerEntries: {
    setup: buySomeCredits,
    prepare: async ({ workspace }) => ({ query: { cursor: await secondPageCursor(workspace, '/v1/ledger') } }),
    issuedByApi: ['cursor'],
  },
  getPlan: {},
  changePlan: {
    prepare: async ({ workspace, sequence }) => ({ body: { planId: nth(await movablePlans(workspace), sequence) } }),
    references: ['planId'],
  },
  listPlans: {},
  createPurchase: { stateRefusals: [{ status: 422, code: 'purchase_too_large' }] },
  createGrant: { stateRefusals: [{ status: 422, code: 'grant_too_large' }], complete: futureExpiry },
  listActions: {
    prepare: async ({ workspace }) => ({ query: { ids: (await idsOf(workspace, '/v1/actions')).slice(0, 2) } }),
  },
  getAction: {
    prepare: async ({ workspace, sequence }) => ({
      path: { actionId: nth(await idsOf(workspace, '/v1/actions'), sequence) },
    }),
    references: ['actionId'],
  },
  listAiModels: {},
  createAiEstimate: {
    prepare: async ({ workspace, sequence }) => ({
      body: { model: nth(await idsOf(workspace, '/v1/ai/models'), sequence) },
    }),
    references: ['model'],
    stateRefusals: [{ status: 422, code: 'estimate_too_large' }],
  },
  createAiRun: {
    prepare: async ({ workspace, sequence }) => ({
      body: { runId: `run_${sequence}`, model: nth(await idsOf(workspace, '/v1/ai/models'), sequence) },
    }),
    references: ['model'],
    stateRefusals: [{ status: 402, code: 'insufficient_credits' }],
    observe: (request) => [`/v1/ai/runs/${encodeURIComponent(String((request.body as { runId?: unknown }).runId))}`],
  },
  getAiRun: {
    prepare: async ({ workspace }) => ({ path: { runId: await existingRun(workspace) } }),
    references: ['runId'],
  },
  completeAiRun: {
    prepare: async ({ workspace, sequence }) => ({ path: { runId: await newRun(workspace, sequence) } }),
    references: ['runId'],
    observe: (request) => [`/v1/ai/runs/${encodeURIComponent(String(request.path.runId))}`],
  },
  stopAiRun: {
    prepare: async ({ workspace, sequence }) => ({ path: { runId: await newRun(workspace, sequence) } }),
    references: ['runId'],
    observe: (request) => [`/v1/ai/runs/${encodeURIComponent(String(request.path.runId))}`],
  },
  createCharge: {
    prepare: async ({ workspace, sequence }) => ({
      body: { actionId: nth(await idsOf(workspace, '/v1/actions'), 1), recordId: `rec_${sequence}` },
    }),
    references: ['actionId', 'runId'],
    stateRefusals: [
      { status: 402, code: 'insufficient_credits' },
      { status: 402, code: 'workbook_limit_reached' },
    ],
  },
  createQuote: {
    // An AI action, so that its usage is walked too.
    prepare: async () => ({ body: { actionId: 'ai-write-gpt-mini' } }),
    references: ['actionId', 'runId'],
  },
  getCharge: {
    prepare: async ({ workspace }) => ({ path: { chargeId: await existingCharge(workspace) } }),
    references: ['chargeId'],
  },
  refundCharge: {
    prepare: async ({ workspace, sequence }) => ({ path: { chargeId: await newCharge(workspace, sequence) } }),
    references: ['chargeId'],
    observe: (request) => [`/v1/charges/${encodeURIComponent(String(request.path.chargeId))}`],
  },
  getWorkbookSpendLimit: {},
  updateWorkbookSpendLimit: { observe: spendLimitRead('workbooks', 'workbookId') },
  getEnrichmentSpendLimit: {},
  updateEnrichmentSpendLimit: { observe: spendLimitRead('enrichments', 'enrichmentId') },
  listAlerts: {},
  createAlert: { complete: alertRules, stateRefusals: [{ status: 422, code: 'too_many_alerts' }] },
  updateAlert: {
    prepare: async ({ workspace }) => ({ path: { alertId: await existingAlert(workspace) } }),
    references: ['alertId'],
    complete: alertRules,
  },
  deleteAlert: {
    prepare: async ({ workspace }) => ({ path: { alertId: await newDeletableAlert(workspace) } }),
    references: ['alertId'],
  },
  getAutoTopUp: {},
  updateAutoTopUp: { complete: autoTopUpRules, observe: () => ['/v1/auto-top-up'] },
  listIntegrations: {},
  setIntegrationKey: eachProvider,
  deleteIntegrationKey: eachProvider,
  getUsage: { complete: widestPeriod },
  listUsageActivity: {
    setup: chargeTwoActions,
    prepare: async ({ workspace }) => ({
      query: { cursor: await secondPageCursor(workspace, '/v1/usage/activity') },
    }),
    issuedByApi: ['cursor'],
    complete: boundedPeriod,
  },
  exportUsage: { complete: widestPeriod },
  streamEvents: {},
  createWebhookEndpoint: {
    prepare: async ({ workspace }) => {
      await roomForAnEndpoint(workspace);
      return { body: { url: discardUrl } };
    },
    stateRefusals: [{ status: 422, code: 'webhook_endpoint_limit_reached' }],
    observe: () => ['/v1/webhook-endpoints'],
  },
  listWebhookEndpoints: {},
  getWebhookEndpoint: {
    prepare: async ({ workspace }) => ({ path: { endpointId: (await endpointWithDeliveries(workspace)).endpointId } }),
    references: ['endpointId'],
  },
  updateWebhookEndpoint: {
    prepare: async ({ workspace }) => ({ path: { endpointId: (await endpointWithDeliveries(workspace)).endpointId } }),
    references: ['endpointId'],
    observe: endpointRead,
  },
  deleteWebhookEndpoint: {
    prepare: async ({ workspace }) => ({ path: { endpointId: await newEndpoint(workspace) } }),
    references: ['endpointId'],
    observe: endpointRead,
  },
  rotateWebhookEndpointSecret: {
    prepare: async ({ workspace }) => ({ path: { endpointId: (await endpointWithDeliveries(workspace)).endpointId } }),
    references: ['endpointId'],
    observe: endpointRead,
  },
  listWebhookDeliveries: {
    prepare: async ({ workspace }) => {
      const { endpointId } = await endpointWithDeliveries(workspace);
      const cursor = await secondPageCursor(workspace, `/v1/webhook-endpoints/${endpointId}/deliveries`);
      return { path: { endpointId }, query: { cursor } };
    },
    references: ['endpointId'],
    issuedByApi: ['cursor'],
  },
  getWebhookDelivery: {
    prepare: async ({ workspace }) => ({ path: await endpointWithDeliveries(workspace) }),
    references: ['endpointId', 'deliveryId'],
  },
  redeliverWebhook: {
    prepare: async ({ workspace }) => ({ path: await endpointWithDeliveries(workspace) }),
    references: ['endpointId', 'deliveryId'],
  },
  getLiveness: {},
  getReadiness: {},
  createDevWorkspace: {
    prepare: async ({ workspace, sequence }) => ({
      body: { planId: nth(await idsOf(workspace, '/v1/plans'), sequence) },
    }),
    references: ['planId'],
  },
  renewDevWorkspace: {
    prepare: async ({ workspace }) => ({ path: { workspaceId: workspace.workspaceId } }),
    references: ['workspaceId'],
  },
  expireDevWorkspaceGrants: {
    prepare: async ({ workspace }) => ({ path: { workspaceId: workspace.workspaceId } }),
    references: ['workspaceId'],
  },
};
