import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { postJson, type QuoteAnswer, type RunResult, runCharges } from '../support/quote-calls';
import { readInteger, roundRandom, seedFrom } from '../support/seeded-random';

/*
 * R23 under concurrency: a quote is advice, the charge decides. Two runs are quoted at once, each told it fits,
 * against a limit (or a balance) they share but cannot both fit in; then both run at once, through two server
 * instances on one PostgreSQL, so their charges really race in different transactions. The limit is never
 * overspent, what was charged is what the charges answered, and the ledger reconciles. A quote taken while they
 * run reads a snapshot, locks nothing, and is answered.
 */

/** `QUOTE_CONCURRENCY_ROUNDS` raises the count for a longer soak; `QUOTE_CONCURRENCY_SEED` replays a printed seed. */
const rounds = readInteger('QUOTE_CONCURRENCY_ROUNDS', 6);
const seed = seedFrom('QUOTE_CONCURRENCY_SEED');

let postgres: ThrowawayPostgres;
let instances: [RunningServer, RunningServer];
/** One line per round, printed together at the end. */
const figures: string[] = [];

beforeAll(async () => {
  console.log(`quote-is-advice seed ${seed} (replay: QUOTE_CONCURRENCY_SEED=${seed}), ${rounds} rounds`);
  postgres = await postgresForTests();
  const first = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
  const second = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
  instances = [first, second];
});

afterAll(async () => {
  if (figures.length > 0) console.log(figures.join('\n'));
  await Promise.all((instances ?? []).map((server) => server.close()));
  await postgres?.stop();
});

const thousandths = (credits: number) => Math.round(credits * 1000);
const email = { actionId: 'find-work-email', workbookId: 'wb_shared', field: 'email' };
const recordsOf = (run: string, count: number) => Array.from({ length: count }, (_, index) => `${run}_${index}`);

async function spentOf(baseUrl: string, secretKey: string, workbookId: string): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/workbooks/${workbookId}/spend-limit`, {
    headers: { authorization: `Bearer ${secretKey}` },
  });
  return thousandths(((await response.json()) as { spent: number }).spent);
}

async function spendableOf(baseUrl: string, secretKey: string): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/balance`, { headers: { authorization: `Bearer ${secretKey}` } });
  return thousandths(((await response.json()) as { spendable: number }).spendable);
}

/** Quotes taken over and over while the runs go, each must be answered from a snapshot the runs passed through. */
async function quotesDuring(running: Promise<unknown>, secretKey: string, records: readonly string[]) {
  const answers: QuoteAnswer[] = [];
  let done = false;
  void running.finally(() => {
    done = true;
  });
  const [first, second] = instances;
  while (!done) {
    for (const server of [first, second]) {
      const answer = await postJson(server.url, '/v1/quotes', secretKey, { ...email, recordIds: records });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      answers.push(answer.body as unknown as QuoteAnswer);
    }
  }
  return answers;
}

interface Round {
  secretKey: string;
  workspaceId: string;
  /** Each run's records, quoted and then charged through its own instance. */
  runs: [string[], string[]];
}

/** Both runs quoted at once, then run at once; the quotes, the runs and the quotes taken meanwhile. */
async function quoteThenRunBoth({ secretKey, runs }: Round) {
  const [first, second] = instances;
  const quotes = await Promise.all(
    runs.map((records, index) =>
      postJson((index === 0 ? first : second).url, '/v1/quotes', secretKey, { ...email, recordIds: records }),
    ),
  );
  for (const quote of quotes) expect(quote.status, JSON.stringify(quote.body)).toBe(200);
  const both = Promise.all(
    runs.map((records, index) => runCharges((index === 0 ? first : second).url, secretKey, email, records)),
  );
  const meanwhile = await quotesDuring(both, secretKey, [...runs[0], ...runs[1]]);
  return { quotes: quotes.map((quote) => quote.body as unknown as QuoteAnswer), results: await both, meanwhile };
}

/** What both runs were charged, by their answers, in thousandths. */
const chargedBy = (results: readonly RunResult[]) => results.reduce((sum, run) => sum + thousandths(run.credits), 0);

async function chargedInStore(workspaceId: string) {
  const [row] = await instances[0].db.query<{ credits: number }>(
    `SELECT COALESCE(SUM(credits), 0)::bigint AS credits FROM charges WHERE workspace_id = $1 AND status = 'charged'`,
    [workspaceId],
  );
  return Number(row?.credits);
}

async function expectLedgerWhole(workspaceId: string, results: readonly RunResult[]) {
  expect(await reconcile(instances[0].db, workspaceId)).toEqual([]);
  expect(await balanceChainBreaks(instances[0].db, workspaceId)).toEqual([]);
  expect(await chargedInStore(workspaceId)).toBe(chargedBy(results));
}

describe('a quote is advice, the charge decides (R23, R11, R14) on PostgreSQL', () => {
  it('two runs each quoted to fit a workbook limit they share, run at once, never overspend it', async () => {
    for (let round = 0; round < rounds; round++) {
      const random = roundRandom(seed, round);
      const limit = 20 + random(31);
      // Each run alone fits; together they ask for more than the limit allows.
      const sizes: [number, number] = [
        Math.floor(limit / 2) + 1 + random(limit - Math.floor(limit / 2)),
        Math.floor(limit / 2) + 1 + random(limit - Math.floor(limit / 2)),
      ];
      const { secretKey, workspaceId, client } = await createDevWorkspace(instances[0].url);
      await client.spendLimits.update({ workbookId: email.workbookId }, { enabled: true, limit });
      const round_: Round = { secretKey, workspaceId, runs: [recordsOf('a', sizes[0]), recordsOf('b', sizes[1])] };
      const balanceBefore = await spendableOf(instances[1].url, secretKey);

      const { quotes, results, meanwhile } = await quoteThenRunBoth(round_);

      // Both were told they fit.
      expect(quotes.map((quote) => [quote.stop, quote.chargedRows])).toEqual([
        [null, sizes[0]],
        [null, sizes[1]],
      ]);
      // The charges decided otherwise for at least one: the limit is spent to the credit, never past it.
      const spent = await spentOf(instances[1].url, secretKey, email.workbookId);
      expect(spent).toBe(thousandths(limit));
      expect(chargedBy(results)).toBe(spent);
      expect(results.filter((run) => run.stop !== null).length).toBeGreaterThanOrEqual(1);
      for (const run of results) {
        if (run.stop)
          expect(run.stop).toMatchObject({ code: 'workbook_limit_reached', limit: { limit, remaining: 0 } });
      }
      expect(await spendableOf(instances[0].url, secretKey)).toBe(balanceBefore - spent);
      await expectLedgerWhole(workspaceId, results);
      const stops = results.map((run) => (run.stop ? `stopped after ${run.stop.afterRows}` : 'all charged'));
      figures.push(
        `workbook round ${round}: limit ${limit}, runs of ${sizes.join(' + ')} rows quoted to fit: ${stops.join(', ')}; ${meanwhile.length} quotes taken meanwhile`,
      );
      // Each quote taken meanwhile read one snapshot: the credits spent by then (the balance it saw) and the rows
      // it would still charge add up to the limit, and it counts no more rows paid than were paid by then.
      for (const quote of meanwhile) {
        const paidByThen = (balanceBefore - thousandths(quote.balance)) / 1000;
        expect(paidByThen + quote.chargedRows).toBe(limit);
        expect(quote.alreadyPaidRows).toBeLessThanOrEqual(paidByThen);
        expect(quote.stop).toMatchObject({ code: 'workbook_limit_reached', limit: { spent: limit, remaining: 0 } });
      }
    }
  });

  it('two runs each quoted to fit the balance, run at once, never take it below zero', async () => {
    for (let round = 0; round < rounds; round++) {
      const random = roundRandom(seed ^ 0x5bd1e995, round);
      // A free workspace holds 100 credits: each run of 51–100 one-credit rows fits alone, not together.
      const sizes: [number, number] = [51 + random(50), 51 + random(50)];
      const { secretKey, workspaceId } = await createDevWorkspace(instances[1].url, 'free');
      const round_: Round = { secretKey, workspaceId, runs: [recordsOf('a', sizes[0]), recordsOf('b', sizes[1])] };

      const { quotes, results } = await quoteThenRunBoth(round_);

      expect(quotes.map((quote) => [quote.stop, quote.balance])).toEqual([
        [null, 100],
        [null, 100],
      ]);
      expect(chargedBy(results)).toBe(thousandths(100));
      for (const run of results) {
        if (run.stop) expect(run.stop).toMatchObject({ code: 'insufficient_credits', limit: { remaining: 0 } });
      }
      expect(await spendableOf(instances[0].url, secretKey)).toBe(0);
      await expectLedgerWhole(workspaceId, results);
    }
  });
});
