import { MAX_QUOTE_RECORDS, MAX_QUOTE_ROWS } from '@creditkit/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { postJson, type QuoteAnswer, runCharges } from '../support/quote-calls';
import { startTestServer } from '../support/test-server';
import { workspaceRows } from '../support/workspace-rows';

// R23: a quote says what a run would cost and where it would stop, decided as its charges would be, and
// writes nothing. Each outcome here is then checked against the charges of the run itself.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const phone = { actionId: 'find-mobile-phone', workbookId: 'wb_people', field: 'mobile' };
const records = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `rec_${from + index}`);

async function postQuote(secretKey: string, body: Record<string, unknown>) {
  return postJson(server.url, '/v1/quotes', secretKey, body);
}

async function quoted(secretKey: string, body: Record<string, unknown>): Promise<QuoteAnswer> {
  const answer = await postQuote(secretKey, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as QuoteAnswer;
}

/** Charges the records one by one, as a run before the quote did. */
async function pay(secretKey: string, charge: Record<string, unknown>, recordIds: readonly string[]) {
  const run = await runCharges(server.url, secretKey, charge, recordIds);
  expect(run.stop).toBeNull();
}

describe('R23 what a quote says, and the run then does', () => {
  it('charges rows not yet paid, counts rows already paid (R13), and a re-run charges them again (R24)', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    await pay(secretKey, phone, ['rec_2', 'rec_4']);
    // Another action on the same field paid nothing for this one: dedup is keyed by action too.
    await pay(secretKey, { ...phone, actionId: 'find-phone-number' }, ['rec_1']);

    const quote = await quoted(secretKey, { ...phone, recordIds: records(5) });
    expect(quote).toEqual({
      actionId: 'find-mobile-phone',
      rows: 5,
      chargedRows: 3,
      alreadyPaidRows: 2,
      ownKeyRows: 0,
      notReachedRows: 0,
      perRow: 10,
      credits: 30,
      balance: 1_977,
      balanceAfter: 1_947,
      stop: null,
      records: [
        { recordId: 'rec_1', outcome: 'charge', credits: 10 },
        { recordId: 'rec_2', outcome: 'already_paid', credits: 0 },
        { recordId: 'rec_3', outcome: 'charge', credits: 10 },
        { recordId: 'rec_4', outcome: 'already_paid', credits: 0 },
        { recordId: 'rec_5', outcome: 'charge', credits: 10 },
      ],
    });
    const rerun = await quoted(secretKey, { ...phone, recordIds: records(5), trigger: 'rerun' });
    expect(rerun).toMatchObject({ chargedRows: 5, alreadyPaidRows: 0, credits: 50, balanceAfter: 1_927 });

    const run = await runCharges(server.url, secretKey, phone, records(5));
    expect(run).toEqual({
      statuses: ['charged', 'deduplicated', 'charged', 'deduplicated', 'charged'],
      credits: 30,
      stop: null,
    });
    expect(await quoted(secretKey, { ...phone, rows: 1 })).toMatchObject({ balance: quote.balanceAfter });
  });

  it('R10: with its own key the rows are free, rows already paid stay already paid, and nothing stops the run', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url, 'free');
    await pay(secretKey, phone, ['rec_1']);
    await client.integrations.setKey('phonebook', { apiKey: 'pb_live_12345678' });
    await client.spendLimits.update({ workbookId: 'wb_people' }, { enabled: true, limit: 0 });
    const quote = await quoted(secretKey, { ...phone, recordIds: records(30) });
    expect(quote).toMatchObject({
      chargedRows: 0,
      alreadyPaidRows: 1,
      ownKeyRows: 29,
      perRow: 0,
      credits: 0,
      balance: 90,
      balanceAfter: 90,
      stop: null,
    });
    const run = await runCharges(server.url, secretKey, phone, records(30));
    expect(run.statuses).toEqual(['deduplicated', ...Array.from({ length: 29 }, () => 'own_key')]);
  });

  it('R11: stops where the workbook limit would, with its numbers as they would stand, and the rows after not reached', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    await pay(secretKey, phone, ['rec_1']);
    await client.spendLimits.update({ workbookId: 'wb_people' }, { enabled: true, limit: 45 });
    const quote = await quoted(secretKey, { ...phone, recordIds: records(8) });
    expect(quote).toMatchObject({
      chargedRows: 3,
      alreadyPaidRows: 1,
      notReachedRows: 4,
      credits: 30,
      stop: {
        code: 'workbook_limit_reached',
        afterRows: 4,
        limit: { scope: 'workbook', id: 'wb_people', limit: 45, spent: 40, remaining: 5 },
      },
    });
    expect(quote.records.map((row) => row.outcome)).toEqual([
      'already_paid',
      'charge',
      'charge',
      'charge',
      'not_reached',
      'not_reached',
      'not_reached',
      'not_reached',
    ]);
    const run = await runCharges(server.url, secretKey, phone, records(8));
    expect(run).toEqual({
      statuses: ['deduplicated', 'charged', 'charged', 'charged'],
      credits: 30,
      stop: { code: 'workbook_limit_reached', afterRows: 4, limit: quote.stop?.limit },
    });
  });

  it('R12: stops where the enrichment limit would, before the workbook limit', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    await client.spendLimits.update({ enrichmentId: 'enr_fill' }, { enabled: true, limit: 25 });
    await client.spendLimits.update({ workbookId: 'wb_people' }, { enabled: true, limit: 25 });
    const charge = { ...phone, enrichmentId: 'enr_fill' };
    const quote = await quoted(secretKey, { ...charge, recordIds: records(5) });
    expect(quote.stop).toEqual({
      code: 'enrichment_limit_reached',
      afterRows: 2,
      limit: { scope: 'enrichment', id: 'enr_fill', limit: 25, spent: 20, remaining: 5 },
    });
    const run = await runCharges(server.url, secretKey, charge, records(5));
    expect(run.stop).toEqual({ code: 'enrichment_limit_reached', afterRows: 2, limit: quote.stop?.limit });
  });

  it('R14: stops where the balance would run out, naming what could still be spent', async () => {
    const { secretKey } = await createDevWorkspace(server.url, 'free');
    const quote = await quoted(secretKey, { ...phone, recordIds: records(12) });
    expect(quote).toMatchObject({
      chargedRows: 10,
      notReachedRows: 2,
      credits: 100,
      balance: 100,
      balanceAfter: 0,
      stop: {
        code: 'insufficient_credits',
        afterRows: 10,
        limit: { scope: 'workspace', id: null, limit: 0, spent: 0, remaining: 0 },
      },
    });
    const run = await runCharges(server.url, secretKey, phone, records(12));
    expect(run.stop).toEqual({ code: 'insufficient_credits', afterRows: 10, limit: quote.stop?.limit });
  });

  it('R9: prices an AI row by its tokens, counts a prompt as an estimate does, and stops where the run budget would', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    await client.ai.runs.create({ runId: 'run_copy', workbookId: 'wb_people', budget: 25 });
    const prompt = 'Write a two-line opener for {{name}}, who just became {{title}} at {{company}}.';
    const estimate = await client.ai.estimates.create({ model: 'gpt-large', rows: 1, prompt, outputTokens: 400 });
    const ai = { actionId: 'ai-write-gpt-large', workbookId: 'wb_people', field: 'opener', runId: 'run_copy' };
    const byPrompt = await quoted(secretKey, { ...ai, recordIds: records(40), usage: { prompt, outputTokens: 400 } });
    const usage = { inputTokens: estimate.inputTokens, outputTokens: 400 };
    const byTokens = await quoted(secretKey, { ...ai, recordIds: records(40), usage });
    expect(byPrompt).toEqual(byTokens);
    expect(byTokens.perRow).toBe(estimate.perRow);
    const thousandths = (credits: number) => Math.round(credits * 1000);
    const rowsInBudget = Math.floor(25_000 / thousandths(estimate.perRow));
    expect(byTokens).toMatchObject({
      chargedRows: rowsInBudget,
      notReachedRows: 40 - rowsInBudget,
      stop: {
        code: 'run_budget_exhausted',
        afterRows: rowsInBudget,
        limit: { scope: 'run', id: 'run_copy', limit: 25 },
      },
    });
    // The run's own reservation pays for its rows: the balance a quote in the run sees includes it.
    expect(byTokens.balance).toBe(2_000);

    const run = await runCharges(server.url, secretKey, { ...ai, usage }, records(40));
    expect(run.stop).toEqual({ code: 'run_budget_exhausted', afterRows: rowsInBudget, limit: byTokens.stop?.limit });
    expect(thousandths(run.credits)).toBe(thousandths(byTokens.credits));
  });

  it('R9: a completed run stops the quote at its first row to charge', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    await client.ai.runs.create({ runId: 'run_done', workbookId: 'wb_people', budget: 5 });
    await client.ai.runs.complete('run_done');
    const quote = await quoted(secretKey, {
      actionId: 'ai-write-gpt-mini',
      workbookId: 'wb_people',
      field: 'opener',
      runId: 'run_done',
      recordIds: records(3),
      usage: { inputTokens: 800, outputTokens: 200 },
    });
    expect(quote).toMatchObject({
      chargedRows: 0,
      notReachedRows: 3,
      stop: { code: 'run_completed', afterRows: 0, limit: { scope: 'run', id: 'run_done', limit: 0, spent: 0 } },
    });
  });

  it('quotes a bare row count when the ids are not known: no row is already paid', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    await pay(secretKey, phone, ['rec_1']);
    await client.spendLimits.update({ workbookId: 'wb_people' }, { enabled: true, limit: 100 });
    const quote = await quoted(secretKey, { ...phone, rows: 24 });
    expect(quote).toEqual({
      actionId: 'find-mobile-phone',
      rows: 24,
      chargedRows: 9,
      alreadyPaidRows: 0,
      ownKeyRows: 0,
      notReachedRows: 15,
      perRow: 10,
      credits: 90,
      balance: 1_990,
      balanceAfter: 1_900,
      stop: {
        code: 'workbook_limit_reached',
        afterRows: 9,
        limit: { scope: 'workbook', id: 'wb_people', limit: 100, spent: 100, remaining: 0 },
      },
      records: [],
    });
  });

  it(`takes up to ${MAX_QUOTE_RECORDS} record ids and ${MAX_QUOTE_ROWS} rows`, async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const free = { actionId: 'lookup-company-domain', workbookId: 'wb_big', field: 'domain' };
    await pay(secretKey, free, ['rec_500']);
    const most = await quoted(secretKey, { ...free, recordIds: records(MAX_QUOTE_RECORDS) });
    expect(most).toMatchObject({ rows: MAX_QUOTE_RECORDS, chargedRows: MAX_QUOTE_RECORDS - 1, alreadyPaidRows: 1 });
    expect(most.records[499]).toEqual({ recordId: 'rec_500', outcome: 'already_paid', credits: 0 });
    expect(await quoted(secretKey, { ...phone, rows: MAX_QUOTE_ROWS })).toMatchObject({
      rows: MAX_QUOTE_ROWS,
      chargedRows: 200,
      stop: { code: 'insufficient_credits', afterRows: 200 },
    });
  });
});

describe('R23 refusals, access, and nothing written', () => {
  it('refuses what it cannot quote with a 400 naming the value', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const refusals: [Record<string, unknown>, string, string[]][] = [
      [{ ...phone }, 'validation_failed', []],
      [{ ...phone, recordIds: ['rec_1'], rows: 1 }, 'validation_failed', []],
      [{ ...phone, recordIds: [] }, 'validation_failed', ['recordIds']],
      [{ ...phone, recordIds: ['rec_1', 'rec_1'] }, 'validation_failed', ['recordIds']],
      [{ ...phone, recordIds: records(MAX_QUOTE_RECORDS + 1) }, 'validation_failed', ['recordIds']],
      [{ ...phone, rows: MAX_QUOTE_ROWS + 1 }, 'validation_failed', ['rows']],
      [{ ...phone, rows: 1.5 }, 'validation_failed', ['rows']],
      [{ ...phone, rows: 1, trigger: 'refresh' }, 'validation_failed', ['trigger']],
      [{ ...phone, rows: 1, usage: { outputTokens: 10 } }, 'validation_failed', ['usage']],
      [{ ...phone, rows: 1, usage: { inputTokens: 10, outputTokens: 10 } }, 'usage_not_applicable', ['usage']],
      [{ ...phone, actionId: 'ai-write-gpt-mini', rows: 1 }, 'usage_required', ['usage']],
    ];
    for (const [body, code, path] of refusals) {
      const answer = await postQuote(secretKey, body);
      expect(answer, JSON.stringify(body).slice(0, 200)).toMatchObject({ status: 400, body: { code } });
      if (path.length > 0) {
        const issues = (answer.body.details as { issues: { path: string[] }[] }).issues;
        expect(issues.map((issue) => issue.path.slice(0, 1))).toContainEqual(path);
      }
    }
  });

  it('answers 404 for an action or a run the workspace does not have (R21)', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const other = await createDevWorkspace(server.url);
    await other.client.ai.runs.create({ runId: 'run_theirs', workbookId: 'wb_1', budget: 1 });
    expect(await postQuote(secretKey, { ...phone, actionId: 'find-yacht', rows: 1 })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await postQuote(secretKey, { ...phone, runId: 'run_theirs', rows: 1 })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
  });

  it('R20: a member may quote; no credential may not', async () => {
    const { secretKey, client } = await createDevWorkspace(server.url);
    const { token } = await client.sessions.create({ userId: 'u_member', role: 'member' });
    expect(await postQuote(token, { ...phone, rows: 2 })).toMatchObject({ status: 200, body: { credits: 20 } });
    const anonymous = await fetch(`${server.url}/v1/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...phone, rows: 2 }),
    });
    expect(anonymous.status).toBe(401);
    expect(await postQuote(secretKey, { ...phone, rows: 2 })).toMatchObject({ status: 200 });
  });

  it('writes nothing: no charge, ledger row, spend row, idempotency key or event, answered or refused', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    await pay(secretKey, phone, ['rec_1']);
    await client.ai.runs.create({ runId: 'run_copy', workbookId: 'wb_people', budget: 3 });
    const before = await workspaceRows(server.db, workspaceId);
    const usageBefore = await client.usage.retrieve({ groupBy: 'workbook' });
    const ai = { actionId: 'ai-write-gpt-mini', workbookId: 'wb_new', field: 'opener', recordIds: records(20) };
    const bodies = [
      { ...phone, recordIds: records(20) },
      { ...phone, workbookId: 'wb_never_charged', enrichmentId: 'enr_never_charged', rows: 50 },
      { ...phone, recordIds: records(20), trigger: 'auto_update' },
      { ...ai, runId: 'run_copy', usage: { prompt: 'Summarise {{company}}.', outputTokens: 300 } },
      { ...ai, usage: { inputTokens: 10, outputTokens: 10 }, runId: 'run_missing' },
      { ...phone, rows: 1, usage: { inputTokens: 1, outputTokens: 1 } },
    ];
    for (const body of bodies) {
      const answer = await postJson(server.url, '/v1/quotes', secretKey, body, {
        'idempotency-key': `key-${body.field}`,
      });
      expect([200, 400, 404]).toContain(answer.status);
    }
    expect(await workspaceRows(server.db, workspaceId)).toEqual(before);
    expect(await client.usage.retrieve({ groupBy: 'workbook' })).toEqual(usageBefore);
  });
});
