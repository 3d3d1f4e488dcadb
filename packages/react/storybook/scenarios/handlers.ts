import type { Charge, CreditEvent, UsageParams } from '@creditkit/sdk';
import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import type { CreditRole } from '../../src/index';
import type { Workspace } from './workspace';

/** Where the stories' SDK client sends its requests: a reserved name that never resolves, so nothing leaves. */
export const creditApiUrl = 'https://credits.example.test';

/** The session token a story's client sends: the role rides in it, as it does in a minted token. */
export const sessionToken = (role: CreditRole) => `st_storybook_${role}`;

const route = (path: string) => `${creditApiUrl}${path}`;

let requestCount = 0;
const nextRequestId = () => `req_storybook_${++requestCount}`;

function json(body: unknown, status = 200, requestId = nextRequestId()): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}

/** An `application/problem+json` answer, as every error of the API is (the `problem` schema of the contract). */
export function problem(status: number, code: string, message: string, details?: unknown): Response {
  const requestId = nextRequestId();
  const body = {
    type: `https://creditkit.dev/problems/${code}`,
    status,
    code,
    message,
    requestId,
    ...(details === undefined ? {} : { details }),
  };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId },
  });
}

/** The caller's role, read from its bearer token; undefined for a token this offline API never minted. */
function roleOf(request: Request): CreditRole | undefined {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token === sessionToken('admin')) return 'admin';
  if (token === sessionToken('member')) return 'member';
  return undefined;
}

type Resolver = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

/** Authenticates like the API: 401 without a session token, 403 for a member on an admin route (R20). */
function guarded(access: 'member' | 'admin', resolve: Resolver) {
  return ({
    request,
    params,
  }: {
    request: Request;
    params: Record<string, string | readonly string[] | undefined>;
  }) => {
    const role = roleOf(request);
    if (!role) return problem(401, 'unauthorized', 'The session token is missing or has expired.');
    if (access === 'admin' && role !== 'admin') return problem(403, 'forbidden', 'Only a workspace admin may do this.');
    return resolve(request, params as Record<string, string>);
  };
}

async function bodyOf<Body>(request: Request): Promise<Body> {
  return (await request.json()) as Body;
}

function usageParamsOf(request: Request): UsageParams {
  const query = new URL(request.url).searchParams;
  const groupBy = (query.get('groupBy') ?? 'day') as UsageParams['groupBy'];
  const params: UsageParams = { groupBy };
  for (const name of ['from', 'to', 'workbookId'] as const) {
    const value = query.get(name);
    if (value !== null) params[name] = value;
  }
  return params;
}

function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** An event the scenario's stream sends, and how long after the page connects. */
export interface ScheduledEvent {
  afterMs: number;
  type: CreditEvent['type'];
  data: (workspace: Workspace) => unknown;
}

/**
 * `GET /v1/events`: the scheduled events as server-sent events, then the stream stays open, as the API's
 * does. Only asked for by stories that follow the stream (`parameters.creditkit.live`).
 */
function eventStream(workspace: Workspace, events: readonly ScheduledEvent[]): Response {
  const encoder = new TextEncoder();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(': connected\n\n'));
      for (const [index, event] of events.entries()) {
        const timer = setTimeout(() => {
          const id = String(index + 1);
          const envelope = { id, type: event.type, createdAt: workspace.now, data: event.data(workspace) };
          controller.enqueue(encoder.encode(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(envelope)}\n\n`));
        }, event.afterMs);
        timers.push(timer);
      }
    },
    cancel() {
      for (const timer of timers) clearTimeout(timer);
    },
  });
  return new HttpResponse(body, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-request-id': nextRequestId() },
  });
}

/**
 * The Credit API of one offline workspace: every route a widget calls, answered from the workspace's
 * history, with the API's authentication, roles and problem answers.
 */
export function workspaceHandlers(workspace: Workspace, events: readonly ScheduledEvent[] = []): RequestHandler[] {
  let chargeCount = 0;
  const limitTarget = { workbooks: 'workbook', enrichments: 'enrichment' } as const;

  return [
    http.get(
      route('/v1/balance'),
      guarded('member', () => json(workspace.balance())),
    ),
    http.get(
      route('/v1/grants'),
      guarded('member', () => json({ data: workspace.grants(), nextCursor: null })),
    ),
    http.get(
      route('/v1/plan'),
      guarded('member', () => json(workspace.currentPlan())),
    ),
    http.post(
      route('/v1/plan/change'),
      guarded('admin', async (request) => {
        const { planId } = await bodyOf<{ planId: string }>(request);
        return json(workspace.schedulePlanChange(planId));
      }),
    ),
    http.get(
      route('/v1/plans'),
      guarded('member', () => json({ data: workspace.plans(), nextCursor: null })),
    ),
    http.post(
      route('/v1/purchases'),
      guarded('admin', async (request) => {
        const { credits } = await bodyOf<{ credits: number }>(request);
        const grant = workspace.purchase(credits);
        return json({ id: `purchase_${grant.id}`, credits, grantId: grant.id, createdAt: workspace.now }, 201);
      }),
    ),
    http.get(
      route('/v1/actions'),
      guarded('member', (request) => {
        const ids = new URL(request.url).searchParams.get('ids')?.split(',');
        return json({ data: workspace.actions(ids), nextCursor: null });
      }),
    ),
    http.get(
      route('/v1/actions/:actionId'),
      guarded('member', (_request, { actionId }) => {
        const [action] = workspace.actions([actionId ?? '']);
        return action ? json(action) : problem(404, 'not_found', 'No action in this workspace.');
      }),
    ),
    http.get(
      route('/v1/ai/models'),
      guarded('member', () => json({ data: workspace.aiModels(), nextCursor: null })),
    ),
    http.post(
      route('/v1/ai/estimates'),
      guarded('member', async (request) => {
        const estimate = workspace.estimate(await bodyOf(request));
        return estimate ? json(estimate) : problem(404, 'not_found', 'No model in this workspace.');
      }),
    ),
    http.post(
      route('/v1/ai/runs'),
      guarded('member', async (request) => {
        const opened = workspace.openRun(await bodyOf(request));
        if (opened.outcome === 'opened') return json(opened.run, 201);
        const message = `The run's budget is more than the ${opened.details.remaining} credits that can be spent.`;
        return problem(402, opened.code, message, opened.details);
      }),
    ),
    http.get(
      route('/v1/ai/runs/:runId'),
      guarded('member', (_request, { runId }) => {
        const run = workspace.run(runId ?? '');
        return run ? json(run) : problem(404, 'not_found', 'No run in this workspace.');
      }),
    ),
    http.post(
      route('/v1/ai/runs/:runId/complete'),
      guarded('member', (_request, { runId }) => {
        const run = workspace.completeRun(runId ?? '');
        return run ? json(run) : problem(404, 'not_found', 'No run in this workspace.');
      }),
    ),
    http.post(
      route('/v1/charges'),
      guarded('member', async (request) => {
        const params = await bodyOf<{
          actionId: string;
          workbookId: string;
          recordId: string;
          field: string;
          enrichmentId?: string;
          audienceId?: string;
          runId?: string;
        }>(request);
        const decision = workspace.charge(params);
        if (decision.outcome === 'refused') {
          const { scope, limit } = decision.details;
          const message =
            decision.code === 'insufficient_credits'
              ? 'The charge is more than the credits that can be spent.'
              : scope === 'run'
                ? `The run's budget of ${limit} credits would be passed.`
                : `The ${scope}'s spend limit of ${limit} credits would be passed.`;
          return problem(402, decision.code, message, decision.details);
        }
        const charge: Charge = {
          id: `charge_storybook_${++chargeCount}`,
          actionId: params.actionId,
          workbookId: params.workbookId,
          recordId: params.recordId,
          field: params.field,
          enrichmentId: params.enrichmentId ?? null,
          audienceId: params.audienceId ?? null,
          runId: params.runId ?? null,
          credits: decision.credits,
          status: decision.outcome,
          refundReason: null,
          ledgerEntries: [],
          createdAt: workspace.now,
        };
        return json(charge, 201);
      }),
    ),
    http.get(
      route('/v1/:scope/:id/spend-limit'),
      guarded('member', (_request, { scope, id }) => {
        const target = limitTarget[scope as keyof typeof limitTarget];
        return target ? json(workspace.spendLimit(target, id ?? '')) : problem(404, 'not_found', 'No such route.');
      }),
    ),
    http.put(
      route('/v1/:scope/:id/spend-limit'),
      guarded('admin', async (request, { scope, id }) => {
        const target = limitTarget[scope as keyof typeof limitTarget];
        if (!target) return problem(404, 'not_found', 'No such route.');
        const { enabled, limit } = await bodyOf<{ enabled: boolean; limit: number }>(request);
        return json(workspace.setSpendLimit(target, id ?? '', { enabled, limit }));
      }),
    ),
    http.get(
      route('/v1/integrations'),
      guarded('member', () => json({ data: workspace.integrations(), nextCursor: null })),
    ),
    http.put(
      route('/v1/integrations/:provider/key'),
      guarded('admin', async (request, { provider }) => {
        const { apiKey } = await bodyOf<{ apiKey: string }>(request);
        const integration = workspace.setOwnKey(provider ?? '', apiKey.slice(-4));
        return integration ? json(integration) : problem(404, 'not_found', 'No provider in this workspace.');
      }),
    ),
    http.delete(
      route('/v1/integrations/:provider/key'),
      guarded('admin', (_request, { provider }) => {
        const integration = workspace.setOwnKey(provider ?? '', null);
        return integration ? json(integration) : problem(404, 'not_found', 'No provider in this workspace.');
      }),
    ),
    http.get(
      route('/v1/usage'),
      guarded('member', (request) => json(workspace.usage(usageParamsOf(request)))),
    ),
    http.get(
      route('/v1/usage/export'),
      guarded('member', (request) => {
        const report = workspace.usage(usageParamsOf(request));
        const line = (key: string, row: { charges: number; charged: number; refunded: number; net: number }) =>
          `${[csvField(key), row.charges, row.charged, row.refunded, row.net].join(',')}\r\n`;
        const csv = [
          'key,charges,charged,refunded,net\r\n',
          ...report.data.map((row) => line(row.key, row)),
          line('Total (all rows)', report.totals),
        ].join('');
        return new HttpResponse(csv, {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="credit-usage-${report.from}-${report.to}.csv"`,
            'x-request-id': nextRequestId(),
          },
        });
      }),
    ),
    http.get(
      route('/v1/events'),
      guarded('member', () => eventStream(workspace, events)),
    ),
    ...unservedRoutes(),
  ];
}

/** Anything else (the ledger): said plainly rather than left to a network failure. */
function unservedRoutes(): RequestHandler[] {
  return [
    http.all(route('/*'), ({ request }) =>
      problem(
        404,
        'not_found',
        `The offline Storybook API does not serve ${request.method} ${new URL(request.url).pathname}.`,
      ),
    ),
  ];
}

/** Saving a spend limit fails on the server's side (put these before a workspace's handlers). */
export function failingSpendLimitSaves(): RequestHandler[] {
  return [
    http.put(route('/v1/:scope/:id/spend-limit'), () =>
      problem(500, 'internal_error', 'The Credit API could not save the limit. Try again shortly.'),
    ),
  ];
}

/** Every request fails on the server's side: 500 after the SDK's retries. */
export function serverErrorHandlers(): RequestHandler[] {
  return [
    http.all(route('/*'), () => problem(500, 'internal_error', 'The Credit API could not answer. Try again shortly.')),
  ];
}

/** Every request fails before reaching the API: the connection drops (offline, DNS, a proxy). */
export function networkErrorHandlers(): RequestHandler[] {
  return [http.all(route('/*'), () => HttpResponse.error())];
}

/** Every request waits forever: the loading state, for as long as one cares to look. */
export function loadingHandlers(): RequestHandler[] {
  return [
    http.all(route('/*'), async () => {
      await delay('infinite');
      return HttpResponse.error();
    }),
  ];
}
