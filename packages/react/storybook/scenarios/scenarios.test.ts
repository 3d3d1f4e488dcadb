// @vitest-environment node
import {
  type CreditClient,
  createCreditClient,
  estimateAiCost,
  PermissionDeniedError,
  SpendLimitReachedError,
  type UsageParams,
} from '@creditkit/sdk';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestWorkspace } from '../../test/support/test-workspace';
import { actions, models, plans } from './catalogue';
import { creditApiUrl, sessionToken, workspaceHandlers } from './handlers';
import type { Workspace } from './workspace';
import * as workspaces from './workspaces';
import { ids } from './workspaces';

/** An SDK client whose requests the scenario's MSW handlers answer, so every answer passes the SDK's validation. */
function offlineClient(workspace: Workspace, role: 'admin' | 'member' = 'member'): CreditClient {
  const handlers = workspaceHandlers(workspace);
  return createCreditClient({
    baseUrl: creditApiUrl,
    token: () => sessionToken(role),
    maxRetries: 0,
    fetch: async (input, init) => {
      const answer = await getResponse(handlers, new Request(input, init));
      if (!answer) throw new TypeError(`No handler for ${String(input)}`);
      return answer;
    },
  });
}

async function all<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const list: Item[] = [];
  for await (const item of items) list.push(item);
  return list;
}

const thousandths = (credits: number) => Math.round(credits * 1000);
const sum = (values: number[]) => values.reduce((total, value) => total + thousandths(value), 0) / 1000;

const scenarioClock = workspaces.scenarioNow;

const scenarioWorkspaces = Object.entries(workspaces).filter(
  (entry): entry is [string, () => Workspace] => typeof entry[1] === 'function',
);

describe('the offline catalogue', () => {
  it('is the reference server’s: plans, actions with their prices, and model rates', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    expect(await all(client.plans.list())).toEqual(plans);
    expect(await all(client.actions.list())).toEqual(
      actions.map((action) => ({ ...action, ownKey: false, effectiveCredits: action.credits })),
    );
    expect(await all(client.ai.models.list())).toEqual(models.map((model) => ({ ...model, ownKey: false })));
  });
});

describe.each(scenarioWorkspaces)('the %s scenario', (_name, makeWorkspace) => {
  it('answers every read the widgets make in the shapes the SDK validates', async () => {
    const client = offlineClient(makeWorkspace());
    await client.balance.retrieve();
    await all(client.grants.list());
    await client.plan.retrieve();
    await all(client.ai.models.list());
    await all(client.integrations.list());
    await client.actions.retrieve('find-mobile-phone');
    await client.ai.estimates.create({ model: 'gpt-mini', rows: 10, inputTokens: 900, outputTokens: 150 });
    await client.ai.estimates.create({
      model: 'claude-haiku',
      rows: 10,
      prompt: 'Summarise {{company}}.',
      outputTokens: 80,
    });
    for (const groupBy of ['day', 'workbook', 'action', 'provider', 'model'] as const) {
      await client.usage.retrieve({ groupBy });
    }
    expect(await client.usage.export({ groupBy: 'workbook' })).toMatch(/^key,charges,charged,refunded,net\r\n/);
    for (const workbookId of [ids.outboundWorkbook, ids.partnerWorkbook, ids.hiringWorkbook]) {
      await client.spendLimits.retrieve({ workbookId });
    }
    await client.spendLimits.retrieve({ enrichmentId: ids.mobilePhonesEnrichment });
  });

  it('R1: adds its balance up from its grants by source, and R2: spends plan and rollover before purchases', async () => {
    const client = offlineClient(makeWorkspace());
    const balance = await client.balance.retrieve();
    const grants = await all(client.grants.list());
    const bySource = (source: string) =>
      sum(
        grants.filter((grant) => grant.source === source && grant.effectiveAt <= scenarioClock).map((g) => g.remaining),
      );
    expect(balance.bySource).toEqual({
      plan: bySource('plan'),
      rollover: bySource('rollover'),
      purchased: bySource('purchased'),
    });
    expect(balance.spendable).toBe(sum(Object.values(balance.bySource)));
    for (const grant of grants) expect(grant.remaining).toBeLessThanOrEqual(grant.credits);
    const purchased = grants.filter((grant) => grant.source === 'purchased');
    if (purchased.some((grant) => grant.remaining < grant.credits)) {
      expect(balance.bySource.plan + balance.bySource.rollover).toBe(0);
    }
  });

  it('R18: totals the same charges whichever way usage is grouped, and R9: models count AI charges only', async () => {
    const client = offlineClient(makeWorkspace());
    const totals = await Promise.all(
      (['day', 'workbook', 'action', 'provider'] as UsageParams['groupBy'][]).map(async (groupBy) => {
        const report = await client.usage.retrieve({ groupBy });
        expect(report.totals.net).toBe(sum(report.data.map((row) => row.net)));
        for (const row of report.data) expect(row.net).toBe(sum([row.charged, -row.refunded]));
        return report.totals;
      }),
    );
    for (const total of totals) expect(total).toEqual(totals[0]);
    const byModel = await client.usage.retrieve({ groupBy: 'model' });
    expect(byModel.totals.charged).toBeLessThanOrEqual(totals[0]?.charged ?? 0);
  });

  it('R11: a limit’s remaining is its limit less what its workbook spent, net of refunds', async () => {
    const client = offlineClient(makeWorkspace());
    const byWorkbook = await client.usage.retrieve({ groupBy: 'workbook', from: '2026-01-01' });
    for (const row of byWorkbook.data) {
      const limit = await client.spendLimits.retrieve({ workbookId: row.key });
      expect(limit.spent).toBe(row.net);
      if (limit.limit !== null) expect(limit.remaining).toBe(Math.max(0, sum([limit.limit, -limit.spent])));
    }
  });

  it('R9, R10: prices AI from the model rates, and own keys make their provider free', async () => {
    const client = offlineClient(makeWorkspace());
    const rates = await all(client.ai.models.list());
    for (const model of rates) {
      const estimate = await client.ai.estimates.create({
        model: model.id,
        rows: 40,
        inputTokens: 1200,
        outputTokens: 300,
      });
      expect(estimate).toMatchObject(
        model.ownKey ? { perRow: 0, total: 0 } : estimateAiCost(model, { inputTokens: 1200, outputTokens: 300 }, 40),
      );
    }
    const integrations = await all(client.integrations.list());
    for (const action of await all(client.actions.list())) {
      const ownKey = integrations.some((integration) => integration.provider === action.provider && integration.ownKey);
      expect(action).toMatchObject({ ownKey, effectiveCredits: ownKey ? 0 : action.credits });
    }
  });

  it('R20: refuses a member’s change of a spend limit, and lets an admin make it', async () => {
    const workspace = makeWorkspace();
    const member = offlineClient(workspace, 'member');
    const target = { workbookId: ids.partnerWorkbook };
    await expect(member.spendLimits.update(target, { enabled: true, limit: 900 })).rejects.toSatisfy((error) =>
      PermissionDeniedError.is(error),
    );
    const saved = await offlineClient(workspace, 'admin').spendLimits.update(target, { enabled: true, limit: 900 });
    expect(saved.remaining).toBe(Math.max(0, sum([900, -saved.spent])));
  });
});

describe('the limitReached scenario', () => {
  it('R12, R11: refuses a mobile number in the exhausted enrichment first, then in the workbook, naming the numbers', async () => {
    const client = offlineClient(workspaces.limitReachedWorkspace());
    const charge = {
      actionId: 'find-mobile-phone',
      workbookId: ids.outboundWorkbook,
      recordId: 'rec_1',
      field: 'mobile',
    };
    const enrichment = await client.charges
      .create({ ...charge, enrichmentId: ids.mobilePhonesEnrichment })
      .catch((error: unknown) => error);
    expect(SpendLimitReachedError.is(enrichment) && enrichment.details).toEqual({
      scope: 'enrichment',
      id: ids.mobilePhonesEnrichment,
      limit: 500,
      spent: 500,
      remaining: 0,
    });
    const workbook = await client.charges.create(charge).catch((error: unknown) => error);
    expect(SpendLimitReachedError.is(workbook) && workbook.details).toEqual({
      scope: 'workbook',
      id: ids.outboundWorkbook,
      limit: 2000,
      spent: 1996,
      remaining: 4,
    });
    // 4 credits left: a 1-credit email still goes through, and counts against the limit.
    await client.charges.create({ ...charge, actionId: 'find-work-email', field: 'email' });
    expect(await client.spendLimits.retrieve({ workbookId: ids.outboundWorkbook })).toMatchObject({ spent: 1997 });
  });
});

describe('the renewalProcessing scenario', () => {
  it('R3, R7: rolled over what its previous period left of 2,000, and holds the new allowance as pending', async () => {
    const client = offlineClient(workspaces.renewalProcessingWorkspace());
    const balance = await client.balance.retrieve();
    const previous = await client.usage.retrieve({ groupBy: 'day', from: '2026-10-20', to: '2026-11-20' });
    expect(sum([previous.totals.net, balance.bySource.rollover])).toBe(2000);
    expect(balance).toMatchObject({ pending: 2000, renewal: { status: 'processing' } });
  });
});
