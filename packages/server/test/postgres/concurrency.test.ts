import {
  type Charge,
  type ChargeCreateParams,
  createCreditClient,
  InsufficientCreditsError,
  SpendLimitReachedError,
} from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { prng, readInteger, roundRandom, seedFrom } from '../support/seeded-random';

/*
 * PGlite has one connection, so it decides charges one at a time and cannot show a race. These rounds run the
 * server on a real PostgreSQL through its connection pool, with far more clients than pool connections, so the
 * charges of one workspace really overlap in different transactions. Both scenarios of a round run at once.
 */

const clientCount = 64;
/** Demand is at least this multiple of what can be spent, so most clients meet a refusal mid-race. */
const oversubscription = 2.5;
/** `CONCURRENCY_ROUNDS` raises the count for a longer soak; `CONCURRENCY_SEED` replays a printed seed. */
const rounds = readInteger('CONCURRENCY_ROUNDS', 20);
const seed = seedFrom('CONCURRENCY_SEED');

/** Amounts are compared in integer thousandths, as the server keeps them, so float sums never decide a test. */
const thousandths = (credits: number) => Math.round(credits * 1000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Outcome = { request: ChargeCreateParams; key: string } & ({ charge: Charge } | { error: unknown });

interface Load {
  outcomes: Outcome[];
  /** HTTP statuses as the server sent them, before the SDK turns them into errors. */
  statuses: Map<number, number>;
  ms: number;
}

let postgres: ThrowawayPostgres;
let server: RunningServer;
/** One line per round, printed together at the end: one block of output rather than one per test. */
const figures: string[] = [];

beforeAll(async () => {
  console.log(`concurrency seed ${seed} (replay: CONCURRENCY_SEED=${seed}), ${rounds} rounds × ${clientCount} clients`);
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
});

afterAll(async () => {
  if (figures.length > 0) console.log(figures.join('\n'));
  await server?.close();
  await postgres?.stop();
});

async function newWorkspace(planId: string) {
  const { client: admin, ...workspace } = await createDevWorkspace(server.url, planId);
  return { ...workspace, admin };
}

interface ConnectionPool {
  close(): Promise<void>;
}

/**
 * Connections for one load only, closed after it. Kept across loads, the sockets would idle while a round is
 * checked, and the server closes a keep-alive socket idle for 5 s; the client's own idle timer (undici's, a
 * little shorter) runs late on a loaded machine, so it would send the next load's charges on sockets the
 * server is closing, and each would fail with ECONNRESET: a failure of the test's client, not of the server,
 * that the no-retries load would report. Node's fetch does not export undici's Agent; its global one is one.
 */
function newConnectionPool(): ConnectionPool {
  const global = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  if (typeof global !== 'object' || global === null) throw new Error("Node's fetch has no global dispatcher yet.");
  return new (global.constructor as new () => ConnectionPool)();
}

/**
 * All clients at once, each sending its charges one after the other on an SDK instance of its own. No retries:
 * a retried 5xx would hide the failure this test looks for. With `duplicateFirst`, each client's first charge
 * goes out twice at once under one idempotency key, as a retry racing its original would.
 */
async function runLoad(
  secretKey: string,
  work: readonly ChargeCreateParams[][],
  { duplicateFirst = false } = {},
): Promise<Load> {
  const statuses = new Map<number, number>();
  const connections = newConnectionPool();
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, { ...init, dispatcher: connections } as RequestInit);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response;
  };
  const started = performance.now();
  const perClient = await Promise.all(
    work.map(async (requests) => {
      const client = createCreditClient({
        baseUrl: server.url,
        apiKey: secretKey,
        maxRetries: 0,
        fetch: countingFetch,
      });
      const outcomes: Outcome[] = [];
      for (const [index, request] of requests.entries()) {
        const key = `${request.workbookId}-${request.recordId}`;
        const send = () =>
          client.charges.create(request, { idempotencyKey: key }).then(
            (charge) => ({ request, key, charge }),
            (error: unknown) => ({ request, key, error }),
          );
        outcomes.push(...(await Promise.all(duplicateFirst && index === 0 ? [send(), send()] : [send()])));
      }
      return outcomes;
    }),
  ).finally(() => connections.close());
  return { outcomes: perClient.flat(), statuses, ms: performance.now() - started };
}

const successes = (load: Load) =>
  load.outcomes.filter((outcome): outcome is Outcome & { charge: Charge } => 'charge' in outcome);
const failures = (load: Load) =>
  load.outcomes.filter((outcome): outcome is Outcome & { error: unknown } => 'error' in outcome);

/** The first few failures that are not the expected refusal, readable in an assertion message. */
function unexpectedFailures(load: Load, expected: (error: unknown) => boolean): string[] {
  return failures(load)
    .filter(({ error }) => !expected(error))
    .slice(0, 5)
    .map(({ error }) => (error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)));
}

/** Requests sent twice under one key whose two answers differ (another charge id, or another outcome). */
function mismatchedDuplicates(load: Load): string[] {
  const byKey = new Map<string, Outcome[]>();
  for (const outcome of load.outcomes) byKey.set(outcome.key, [...(byKey.get(outcome.key) ?? []), outcome]);
  // A replayed refusal carries the request id of the request that was decided, so equal ids mean one decision.
  const answer = (outcome: Outcome) => {
    if ('charge' in outcome) return outcome.charge.id;
    const { code, requestId } = outcome.error as { code?: string; requestId?: string };
    return `${code} ${requestId}`;
  };
  return [...byKey]
    .filter(([, outcomes]) => new Set(outcomes.map(answer)).size > 1)
    .map(([key, outcomes]) => `${key}: ${outcomes.map(answer).join(' ≠ ')}`);
}

async function storedCharges(workspaceId: string) {
  const [row] = await server.db.query<{ count: number; credits: number }>(
    `SELECT count(*)::bigint AS count, COALESCE(SUM(credits), 0)::bigint AS credits FROM charges
      WHERE workspace_id = $1`,
    [workspaceId],
  );
  return { count: Number(row?.count), credits: Number(row?.credits) };
}

const statusList = (statuses: Map<number, number>) =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');

/**
 * R11 under a race: demand is ≥ 2.5× a workbook's limit and far below the balance, so only the limit can stop
 * charges, and the workbook must end spent exactly to its limit.
 */
async function limitScenario(random: (below: number) => number): Promise<string> {
  // Mostly one charge per client: every charge of a workspace waits for the one before it (the workspace row
  // is locked), so the request count, not the client count, sets a round's time.
  const perClient = random(4) === 0 ? 2 : 1;
  const demand = clientCount * perClient;
  const limit = 8 + random(Math.floor(demand / oversubscription) - 7);
  expect(demand).toBeGreaterThanOrEqual(oversubscription * limit);
  const workbookId = 'wb_limited';
  const { workspaceId, secretKey, admin } = await newWorkspace('starter-monthly');
  const allowance = (await admin.balance.retrieve()).spendable;
  expect(allowance).toBeGreaterThan(demand);
  await admin.spendLimits.update({ workbookId }, { enabled: true, limit });
  const work = Array.from({ length: clientCount }, (_, client) =>
    Array.from({ length: perClient }, (_, index) => ({
      actionId: 'find-work-email',
      workbookId,
      recordId: `rec_${client}_${index}`,
      field: 'email',
    })),
  );

  const load = await runLoad(secretKey, work, { duplicateFirst: true });

  const isLimitRefusal = (error: unknown) =>
    error instanceof SpendLimitReachedError && error.code === 'workbook_limit_reached' && error.status === 402;
  expect(unexpectedFailures(load, isLimitRefusal)).toEqual([]);
  // With 1-credit charges and a whole limit, a refusal can only come once the workbook is spent to the limit.
  const refusalDetails = failures(load).map(({ error }) => (error as SpendLimitReachedError).details);
  expect(refusalDetails.filter((details) => details.spent !== limit || details.remaining !== 0)).toEqual([]);
  const charged = successes(load);
  expect(charged.filter(({ charge }) => charge.status !== 'charged' || charge.credits !== 1)).toEqual([]);
  // R19: the two copies of a request got one answer, the first, whichever of them ran.
  expect(mismatchedDuplicates(load)).toEqual([]);
  expect(new Set(charged.map(({ charge }) => charge.id)).size).toBe(limit);
  expect(Object.fromEntries(load.statuses)).toEqual({ 201: charged.length, 402: failures(load).length });
  expect(load.outcomes.length - charged.length).toBeGreaterThanOrEqual(demand - limit);
  expect(await admin.spendLimits.retrieve({ workbookId })).toMatchObject({ limit, spent: limit, remaining: 0 });
  expect((await admin.balance.retrieve()).spendable).toBe(allowance - limit);
  expect(await storedCharges(workspaceId)).toEqual({ count: limit, credits: thousandths(limit) });
  expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
  expect(await reconcile(server.db, workspaceId)).toEqual([]);
  const duplicates = load.outcomes.length - demand;
  return `limit ${limit}/demand ${demand} +${duplicates} dup: ${statusList(load.statuses)} in ${seconds(load.ms)}`;
}

/** Mixed prices, fractions included, so the balance can end between 0 and the cheapest refused charge. */
const pricedActions = ['find-work-email', 'verify-email', 'enrich-person', 'find-phone-number'] as const;

/**
 * R14 under a race: the balance is the bottleneck (no limit, or one far above it), and demand is ≥ 2.5× the
 * spendable balance. The balance must never go below 0 and must end below the price of one refused charge.
 */
async function balanceScenario(random: (below: number) => number): Promise<string> {
  const workbookId = 'wb_open';
  const { workspaceId, secretKey, admin } = await newWorkspace('free');
  const prices = new Map<string, number>(
    await Promise.all(
      pricedActions.map(async (id) => [id, thousandths((await admin.actions.retrieve(id)).credits)] as const),
    ),
  );
  const priceOf = (actionId: string) => prices.get(actionId) ?? Number.NaN;

  // Spending a random part first makes the starting balance differ from round to round, fractions included,
  // and keeps the demand (hence the round's time) small enough for 20 rounds.
  const spentBefore = [
    ...Array.from({ length: 6 + random(3) }, () => 'find-mobile-phone'),
    ...Array.from({ length: random(3) }, () => 'verify-email'),
  ].map((actionId, index) => ({ actionId, workbookId, recordId: `pre_${index}`, field: actionId }));
  const allowance = thousandths((await admin.balance.retrieve()).spendable);
  await Promise.all(spentBefore.map((request) => admin.charges.create(request)));
  const spendable = thousandths((await admin.balance.retrieve()).spendable);
  const spentBeforeTotal = allowance - spendable;
  const limitMode = random(2) === 0 ? 'off' : 'high';
  if (limitMode === 'high') {
    await admin.spendLimits.update({ workbookId }, { enabled: true, limit: (10 * spendable) / 1000 });
  }

  const work: ChargeCreateParams[][] = Array.from({ length: clientCount }, () => []);
  let demand = 0;
  for (let index = 0; demand < oversubscription * spendable || index < clientCount; index++) {
    const actionId = pricedActions[random(pricedActions.length)] ?? 'find-work-email';
    work[index % clientCount]?.push({ actionId, workbookId, recordId: `rec_${index}`, field: actionId });
    demand += priceOf(actionId);
  }
  expect(demand).toBeGreaterThanOrEqual(oversubscription * spendable);

  const load = await runLoad(secretKey, work);

  const isBalanceRefusal = (error: unknown) =>
    error instanceof InsufficientCreditsError && error.code === 'insufficient_credits' && error.status === 402;
  expect(unexpectedFailures(load, isBalanceRefusal)).toEqual([]);
  expect([...load.statuses.keys()].sort()).toEqual([201, 402]);
  const charged = successes(load);
  expect(
    charged.filter(
      ({ request, charge }) => charge.status !== 'charged' || thousandths(charge.credits) !== priceOf(request.actionId),
    ),
  ).toEqual([]);
  const chargedTotal = charged.reduce((sum, { charge }) => sum + thousandths(charge.credits), 0);
  const left = thousandths((await admin.balance.retrieve()).spendable);
  const cheapestRefused = Math.min(...failures(load).map(({ request }) => priceOf(request.actionId)));
  expect(left).toBeGreaterThanOrEqual(0);
  // Once a charge of price p was refused the balance was below p, and it only fell afterwards.
  expect(left).toBeLessThan(cheapestRefused);
  expect(spendable - chargedTotal).toBe(left);
  expect(await storedCharges(workspaceId)).toEqual({
    count: spentBefore.length + charged.length,
    credits: spentBeforeTotal + chargedTotal,
  });
  expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);
  expect(await reconcile(server.db, workspaceId)).toEqual([]);
  return (
    `balance ${spendable / 1000}/demand ${demand / 1000} (limit ${limitMode}): ${statusList(load.statuses)}, ` +
    `left ${left / 1000} in ${seconds(load.ms)}`
  );
}

describe(
  `Concurrency on a real PostgreSQL: ${clientCount} concurrent clients demanding ≥ ${oversubscription}× a workbook's ` +
    `limit and ≥ ${oversubscription}× the balance end with spend exactly at the limit, balance never below 0, ` +
    'and the ledger reconciling',
  () => {
    for (let round = 1; round <= rounds; round++) {
      it(`round ${round}`, async () => {
        const random = roundRandom(seed, round);
        const limitRandom = prng(random(2 ** 31));
        const balanceRandom = prng(random(2 ** 31));
        const started = performance.now();
        const [limit, balance] = await Promise.all([limitScenario(limitRandom), balanceScenario(balanceRandom)]);
        figures.push(`round ${round} (${seconds(performance.now() - started)}): ${limit} | ${balance}`);
      });
    }
  },
);
