import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { chargeStatusOf, postJson, type QuoteAnswer, runCharges } from '../support/quote-calls';
import { readInteger, seedFrom } from '../support/seeded-random';
import { startTestServer } from '../support/test-server';

/*
 * R23, the quote's promise: over generated workspaces (plans, purchases, limits on the workbook and the
 * enrichment, an open or completed run with a budget, another run's reservation, records already paid, an own
 * key, a trigger), a quote followed by the run with nothing in between charges exactly what it said: the same
 * outcome row by row, the same credits, the same stop row, code and limit numbers, and the balance it foretold.
 * "The run" is the records charged in order through POST /v1/charges, stopping at the first 402.
 */

/** `QUOTE_PROPERTY_RUNS` raises the count for a longer soak; `QUOTE_PROPERTY_SEED` replays a printed seed. */
const numRuns = readInteger('QUOTE_PROPERTY_RUNS', 60);
const seed = seedFrom('QUOTE_PROPERTY_SEED');

let server: RunningServer;
/** How the generated runs ended, printed at the end: the property is only as good as the stops it met. */
const endings = new Map<string, number>();

beforeAll(async () => {
  console.log(`quote-then-run seed ${seed} (replay: QUOTE_PROPERTY_SEED=${seed}), ${numRuns} workspaces`);
  server = await startTestServer();
});
afterAll(async () => {
  console.log('quote-then-run endings', Object.fromEntries([...endings].sort()));
  await server?.close();
});

const thousandths = (credits: number) => Math.round(credits * 1000);

/** The catalogue's actions by provider, with the tokens an AI row is charged for. */
const actions = [
  { actionId: 'find-mobile-phone', provider: 'phonebook' },
  { actionId: 'find-work-email', provider: 'mailfinder' },
  { actionId: 'verify-email', provider: 'mailfinder' },
  { actionId: 'lookup-company-domain', provider: 'dnsdata' },
  { actionId: 'ai-write-gpt-mini', provider: 'openai', ai: true },
  { actionId: 'ai-write-gpt-large', provider: 'openai', ai: true },
  { actionId: 'ai-write-claude-haiku', provider: 'anthropic', ai: true },
] as const;

const credits = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((amount) => amount / 1000);

const scenarioArb = fc
  .record({
    planId: fc.constantFrom('free', 'starter-monthly'),
    purchase: fc.option(credits(60), { nil: undefined }),
    action: fc.constantFrom(...actions),
    usage: fc.record({
      inputTokens: fc.integer({ min: 0, max: 3_000 }),
      outputTokens: fc.integer({ min: 0, max: 1_500 }),
    }),
    records: fc.integer({ min: 1, max: 30 }),
    /** Records paid before the quote, by index; some of them by another action on the same field. */
    paid: fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 10 }),
    paidByOtherAction: fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 3 }),
    ownKey: fc.constantFrom(false, false, false, true),
    workbookLimit: fc.option(fc.record({ enabled: fc.boolean(), limit: credits(150) }), { nil: undefined }),
    enrichmentLimit: fc.option(fc.record({ enabled: fc.boolean(), limit: credits(150) }), { nil: undefined, freq: 2 }),
    run: fc.option(fc.record({ budget: credits(120), completed: fc.constantFrom(false, false, false, true) }), {
      nil: undefined,
      freq: 2,
    }),
    /** Another run reserving this share of what can be spent, in percent. */
    otherRunShare: fc.option(fc.integer({ min: 50, max: 100 }), { nil: undefined, freq: 2 }),
    trigger: fc.constantFrom('run', 'run', 'rerun', 'auto_update'),
  })
  .chain((scenario) =>
    fc
      .shuffledSubarray(
        Array.from({ length: scenario.records }, (_, index) => `rec_${index}`),
        { minLength: scenario.records, maxLength: scenario.records },
      )
      .map((order) => ({ ...scenario, order })),
  );

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function spendable(secretKey: string, runId: string | undefined): Promise<number> {
  const get = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secretKey}` } }).then(
      (response) => response.json() as Promise<Record<string, number>>,
    );
  const balance = thousandths((await get('/v1/balance')).spendable ?? 0);
  // A run's own reservation is the run's to spend: the quote counts it in, the balance route leaves it out.
  return balance + (runId === undefined ? 0 : thousandths((await get(`/v1/ai/runs/${runId}`)).remaining ?? 0));
}

/** Builds the scenario's workspace through the API, as its history would have. */
async function workspaceOf(scenario: Scenario) {
  const { secretKey, workspaceId, client } = await createDevWorkspace(server.url, scenario.planId);
  const { action } = scenario;
  const charge = {
    actionId: action.actionId,
    workbookId: 'wb_prop',
    field: 'value',
    ...('ai' in action ? { usage: scenario.usage } : {}),
  };
  if (scenario.purchase) await client.purchases.create({ credits: scenario.purchase });
  for (const index of scenario.paid.filter((paid) => paid < scenario.records)) {
    // What could not be paid (a small balance) simply stays unpaid.
    await postJson(server.url, '/v1/charges', secretKey, { ...charge, recordId: `rec_${index}` });
  }
  const other = action.actionId === 'find-work-email' ? 'verify-email' : 'find-work-email';
  for (const index of scenario.paidByOtherAction) {
    await postJson(server.url, '/v1/charges', secretKey, { ...charge, actionId: other, recordId: `rec_${index}` });
  }
  if (scenario.ownKey) await client.integrations.setKey(action.provider, { apiKey: 'key_of_the_workspace' });
  if (scenario.workbookLimit) await client.spendLimits.update({ workbookId: 'wb_prop' }, scenario.workbookLimit);
  const enrichmentId = scenario.enrichmentLimit ? 'enr_prop' : undefined;
  if (scenario.enrichmentLimit) await client.spendLimits.update({ enrichmentId: 'enr_prop' }, scenario.enrichmentLimit);
  let runId: string | undefined;
  // A run can reserve at most what can be spent: a budget past it is refused (402), and then there is no run.
  const openRun = async (id: string, budget: number) =>
    (await postJson(server.url, '/v1/ai/runs', secretKey, { runId: id, workbookId: 'wb_prop', budget })).status === 201;
  if (scenario.otherRunShare !== undefined) {
    const { spendable: available } = await client.balance.retrieve();
    await openRun('run_other', Math.floor(thousandths(available) * (scenario.otherRunShare / 100)) / 1000);
  }
  if (scenario.run && (await openRun('run_prop', scenario.run.budget))) {
    runId = 'run_prop';
    if (scenario.run.completed) await client.ai.runs.complete(runId);
  }
  const scopes = {
    ...charge,
    ...(enrichmentId === undefined ? {} : { enrichmentId }),
    ...(runId === undefined ? {} : { runId }),
    trigger: scenario.trigger,
  };
  return { secretKey, workspaceId, scopes, runId };
}

it('a quote followed by the run charges exactly what it said, row by row, with the same stop and balance after', async () => {
  await fc.assert(
    fc.asyncProperty(scenarioArb, async (scenario) => {
      const { secretKey, workspaceId, scopes, runId } = await workspaceOf(scenario);
      const openRunId = scenario.run?.completed ? undefined : runId;
      const before = await spendable(secretKey, openRunId);

      const answer = await postJson(server.url, '/v1/quotes', secretKey, { ...scopes, recordIds: scenario.order });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const quote = answer.body as unknown as QuoteAnswer;
      const run = await runCharges(server.url, secretKey, scopes, scenario.order);

      const reached = quote.records.filter((row) => row.outcome !== 'not_reached');
      expect(run.statuses).toEqual(reached.map((row) => chargeStatusOf[row.outcome as keyof typeof chargeStatusOf]));
      expect(run.stop).toEqual(
        quote.stop && { code: quote.stop.code, afterRows: quote.stop.afterRows, limit: quote.stop.limit },
      );
      expect(thousandths(run.credits)).toBe(thousandths(quote.credits));
      expect(thousandths(quote.balance)).toBe(before);
      expect(await spendable(secretKey, openRunId)).toBe(thousandths(quote.balanceAfter));
      expect(quote.notReachedRows).toBe(scenario.order.length - run.statuses.length);
      expect(await reconcile(server.db, workspaceId)).toEqual([]);
      const ending = quote.stop?.code ?? (quote.chargedRows > 0 ? 'charged, no stop' : 'nothing charged, no stop');
      endings.set(ending, (endings.get(ending) ?? 0) + 1);
      if (quote.alreadyPaidRows > 0)
        endings.set('with rows already paid', (endings.get('with rows already paid') ?? 0) + 1);
      if (quote.ownKeyRows > 0) endings.set('with own-key rows', (endings.get('with own-key rows') ?? 0) + 1);
    }),
    { numRuns, seed },
  );
});
