import { createRequire } from 'node:module';
import {
  MAX_CREDITS,
  MAX_TOKENS,
  problem,
  type RouteContract,
  routes,
  validationDetails,
} from '@creditkit/sdk/schemas';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { models } from '../../src/catalogue/models';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';

/*
 * The API driven to its extremes (maximum purchases until refused, the largest estimates, limits, budgets and
 * token counts, renewals on top of a full balance), and every answer held to what the contract declares for
 * its route: the success schema of routes.ts, or a problem whose status the OpenAPI document lists for the
 * route and whose details match the refusal the route declares.
 */

type Json = Record<string, unknown>;
const openapi = createRequire(import.meta.url)('@creditkit/sdk/openapi.json') as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, dev: true });
});
afterAll(() => server.close());

/** Problem codes and 2xx totals seen over the whole run, so the test shows it reached the extremes. */
const seen = { codes: new Set<string>(), largestSpendable: 0 };

function routeOf(method: string, target: string): RouteContract {
  const path = target.split('?')[0] ?? target;
  const route = routes.find(
    (candidate) =>
      candidate.method === method && new RegExp(`^${candidate.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  if (!route) throw new Error(`No route ${method} ${path} in the contract.`);
  return route;
}

/** Holds one answer to everything the contract declares for its route. */
async function checkAnswer(method: string, path: string, response: Response): Promise<unknown> {
  const route = routeOf(method, path);
  const where = `${method} ${path} → ${response.status}`;
  const declared = Object.keys(openapi.paths[route.path]?.[method.toLowerCase()]?.responses ?? {});
  expect(declared, `${where}: a status the contract declares`).toContain(String(response.status));
  const type = response.headers.get('content-type') ?? '';
  if (response.status < 300) {
    expect(response.status, where).toBe(route.successStatus);
    if (route.response === 'text/csv') {
      expect(type, where).toContain('text/csv');
      return await response.text();
    }
    if (typeof route.response === 'string') throw new Error(`${where}: no JSON schema to check against.`);
    expect(type, where).toContain('application/json');
    const body = await response.json();
    const parsed = route.response.safeParse(body);
    expect(parsed.error?.issues ?? [], `${where} ${JSON.stringify(body)}`).toEqual([]);
    return body;
  }
  expect(type, where).toContain('application/problem+json');
  const body = (await response.json()) as Json;
  expect(problem.safeParse(body).error?.issues ?? [], `${where} ${JSON.stringify(body)}`).toEqual([]);
  expect(body.status, where).toBe(response.status);
  const code = String(body.code);
  seen.codes.add(code);
  const refusal = route.refusals?.find((candidate) => candidate.status === response.status);
  if (refusal) {
    expect(refusal.codes, where).toContain(code);
    const details = refusal.details?.safeParse(body.details);
    expect(details?.error?.issues ?? [], `${where} ${JSON.stringify(body)}`).toEqual([]);
  } else if (response.status === 400 && body.details !== undefined) {
    expect(validationDetails.safeParse(body.details).error?.issues ?? [], where).toEqual([]);
  }
  return body;
}

interface Workspace {
  id: string;
  secretKey: string;
  /** Charges made so far, the latest last, for refunds. */
  charges: string[];
  runs: string[];
}

async function call(workspace: Workspace, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${workspace.secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return checkAnswer(method, path, response);
}

const largestAmounts = fc.constantFrom(MAX_CREDITS, MAX_CREDITS - 0.001, 0.001, 999_999.999);
const amounts = fc.oneof(
  largestAmounts,
  fc.integer({ min: 1, max: MAX_CREDITS * 1000 }).map((t) => t / 1000),
);
const tokenCounts = fc.oneof(fc.constantFrom(0, 1, MAX_TOKENS), fc.nat({ max: MAX_TOKENS }));
const rowCounts = fc.oneof(fc.constantFrom(1, 10_000_000), fc.integer({ min: 1, max: 10_000_000 }));
const workbooks = fc.constantFrom('wb_1', 'wb_2');
const aiActions = ['ai-write-gpt-mini', 'ai-write-gpt-large', 'ai-write-claude-haiku'];

/** One step a caller may take, with the extremes weighted in. */
type Move = (workspace: Workspace) => Promise<void>;

/** A move that a counterexample prints as what it does rather than as its code. */
const named = (description: string, run: Move): Move => Object.assign(run, { [fc.toStringMethod]: () => description });

/** Buys a billion credits, and when refused, exactly the room the refusal names. */
async function buyTheMost(workspace: Workspace): Promise<void> {
  const refusal = (await call(workspace, 'POST', '/v1/purchases', { credits: MAX_CREDITS })) as Json;
  const room = (refusal.details as { purchasable?: number } | undefined)?.purchasable;
  if (room !== undefined && room > 0) await call(workspace, 'POST', '/v1/purchases', { credits: room });
}

const moves: fc.Arbitrary<Move>[] = [
  amounts.map((credits) =>
    named(`buy ${credits}`, async (workspace) => {
      await call(workspace, 'POST', '/v1/purchases', { credits });
    }),
  ),
  // Buy the most there is, and when refused, exactly the room the refusal names.
  fc.constant(named('buy the most there is', buyTheMost)),
  fc
    .record({
      model: fc.constantFrom(...models.map((model) => model.id)),
      rows: rowCounts,
      inputTokens: tokenCounts,
      outputTokens: tokenCounts,
    })
    .map((params) =>
      named(`estimate ${JSON.stringify(params)}`, async (workspace) => {
        await call(workspace, 'POST', '/v1/ai/estimates', params);
      }),
    ),
  fc
    .record({
      scope: fc.constantFrom('workbooks', 'enrichments'),
      id: workbooks,
      enabled: fc.boolean(),
      limit: amounts,
    })
    .map(({ scope, id, enabled, limit }) =>
      named(`limit ${scope}/${id} ${enabled} ${limit}`, async (workspace) => {
        await call(workspace, 'PUT', `/v1/${scope}/${id}/spend-limit`, { enabled, limit });
        await call(workspace, 'GET', `/v1/${scope}/${id}/spend-limit`);
      }),
    ),
  fc
    .record({
      actionId: fc.constantFrom('find-mobile-phone', 'verify-email', ...aiActions),
      workbookId: workbooks,
      recordId: fc.constantFrom('rec_1', 'rec_2', 'rec_3'),
      enrichment: fc.boolean(),
      inRun: fc.boolean(),
      inputTokens: tokenCounts,
      outputTokens: tokenCounts,
    })
    .map((draw) =>
      named(`charge ${JSON.stringify(draw)}`, async (workspace) => {
        const runId = draw.inRun ? workspace.runs.at(-1) : undefined;
        const charge = (await call(workspace, 'POST', '/v1/charges', {
          actionId: draw.actionId,
          workbookId: draw.workbookId,
          recordId: draw.recordId,
          field: 'f',
          ...(draw.enrichment ? { enrichmentId: 'wb_1' } : {}),
          ...(runId ? { runId } : {}),
          ...(aiActions.includes(draw.actionId)
            ? { usage: { inputTokens: draw.inputTokens, outputTokens: draw.outputTokens } }
            : {}),
        })) as Json;
        if (typeof charge.id === 'string' && charge.status !== undefined) workspace.charges.push(charge.id);
      }),
    ),
  fc.constant(
    named('refund the latest charge', async (workspace) => {
      const chargeId = workspace.charges.pop();
      if (chargeId) await call(workspace, 'POST', `/v1/charges/${chargeId}/refund`, { reason: 'no data' });
    }),
  ),
  fc.record({ budget: amounts, workbookId: workbooks }).map(({ budget, workbookId }) =>
    named(`open a run of ${budget}`, async (workspace) => {
      const runId = `run_${workspace.runs.length + 1}`;
      workspace.runs.push(runId);
      await call(workspace, 'POST', '/v1/ai/runs', { runId, workbookId, budget });
    }),
  ),
  fc.constant(
    named('complete the latest run', async (workspace) => {
      const runId = workspace.runs.at(-1);
      if (runId) await call(workspace, 'POST', `/v1/ai/runs/${runId}/complete`);
    }),
  ),
  fc.constantFrom('pro-annual', 'pro-monthly', 'free').map((planId) =>
    named(`move to ${planId} and renew`, async (workspace) => {
      await call(workspace, 'POST', '/v1/plan/change', { planId });
      await call(workspace, 'POST', `/v1/dev/workspaces/${workspace.id}/renew`);
    }),
  ),
];

/** Every read of the workspace, over the widest period the API takes. */
async function readEverything(workspace: Workspace): Promise<void> {
  const balance = (await call(workspace, 'GET', '/v1/balance')) as { spendable: number };
  seen.largestSpendable = Math.max(seen.largestSpendable, balance.spendable);
  for (const path of ['/v1/grants?limit=100', '/v1/ledger?limit=100', '/v1/plan', '/v1/plans', '/v1/actions']) {
    await call(workspace, 'GET', path);
  }
  for (const path of ['/v1/ai/models', '/v1/integrations', '/v1/workbooks/wb_1/spend-limit']) {
    await call(workspace, 'GET', path);
  }
  for (const groupBy of ['day', 'workbook', 'action', 'provider', 'model', 'trigger']) {
    await call(workspace, 'GET', `/v1/usage?groupBy=${groupBy}&from=0001-01-01&to=9999-12-31`);
  }
  await call(workspace, 'GET', '/v1/usage/export?groupBy=workbook&from=0001-01-01&to=9999-12-31');
  for (const runId of workspace.runs) await call(workspace, 'GET', `/v1/ai/runs/${runId}`);
  for (const chargeId of workspace.charges) await call(workspace, 'GET', `/v1/charges/${chargeId}`);
}

/** The moves that reach every maximum, after the generated ones, so each run ends at the extremes. */
const toTheTop: Move[] = [
  async (workspace) => {
    for (const runId of workspace.runs) await call(workspace, 'POST', `/v1/ai/runs/${runId}/complete`);
  },
  buyTheMost,
  buyTheMost,
  async (workspace) => {
    const model = models[0]?.id;
    const extremes = { model, rows: 10_000_000, inputTokens: MAX_TOKENS, outputTokens: MAX_TOKENS };
    await call(workspace, 'POST', '/v1/ai/estimates', extremes);
  },
  async (workspace) => {
    await call(workspace, 'POST', `/v1/dev/workspaces/${workspace.id}/renew`);
  },
];

describe('the API at its extremes', () => {
  it('answers only what its contract declares, for every route it reaches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('free', 'starter-monthly', 'pro-annual'),
        fc.array(fc.oneof(...moves), { minLength: 1, maxLength: 20 }),
        async (planId, drawn) => {
          const { workspaceId, secretKey } = await createDevWorkspace(server.url, planId);
          const workspace: Workspace = { id: workspaceId, secretKey, charges: [], runs: [] };
          for (const move of [...drawn, ...toTheTop]) await move(workspace);
          await readEverything(workspace);
          expect(await reconcile(server.db, workspaceId)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
    expect([...seen.codes]).toEqual(expect.arrayContaining(['purchase_too_large', 'estimate_too_large']));
    // A full workspace renewed on top of its purchases: its balance is a total past the largest amount.
    expect(seen.largestSpendable).toBeGreaterThan(MAX_CREDITS);
  });
});
