import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { balanceChainBreaks } from '../support/ledger-chain';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { readInteger, roundRandom, seedFrom } from '../support/seeded-random';

/*
 * Every mutating route of one workspace at once on a real PostgreSQL: charges (lookups and AI rows in runs),
 * refunds, purchases, limit updates, own keys, plan changes, renewals, AI runs opened and completed, and one
 * Idempotency-Key sent to two different routes at the same moment. Whatever the interleaving, nothing may
 * answer 5xx (a deadlock is a 500), a reused key is a 409 for exactly one of its two requests, and the ledger
 * reconciles with every `balance_after` the true balance after its row.
 */

const clientCount = 16;
const operationsPerClient = 8;
/** `MIXED_ROUNDS` raises the count for a longer soak; `MIXED_SEED` replays a printed seed. */
const rounds = readInteger('MIXED_ROUNDS', 10);
const seed = seedFrom('MIXED_SEED');

let postgres: ThrowawayPostgres;
let server: RunningServer;

beforeAll(async () => {
  console.log(`mixed mutations seed ${seed} (replay: MIXED_SEED=${seed}), ${rounds} rounds`);
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
});

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

interface Answer {
  label: string;
  status: number;
  body: { id?: string; code?: string; status?: string } | null;
  contentType: string;
}

type Send = (label: string, method: string, path: string, body?: unknown, key?: string) => Promise<Answer>;

function sender(secretKey: string): Send {
  return async (label, method, path, body, key) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      label,
      status: response.status,
      body: text === '' ? null : JSON.parse(text),
      contentType: response.headers.get('content-type') ?? '',
    };
  };
}

const lookups = ['find-work-email', 'verify-email', 'enrich-person', 'find-phone-number', 'find-mobile-phone'];
const workbooks = ['wb_a', 'wb_b'];

/** One round: a fresh workspace, `clientCount` clients each sending a random mix of mutations one after another. */
async function round(random: (below: number) => number): Promise<string> {
  const { workspaceId, secretKey } = await createDevWorkspace(server.url, 'starter-monthly');
  const send = sender(secretKey);
  const charged: string[] = [];
  const runs: string[] = [];
  const reusedKeyPairs: [Answer, Answer][] = [];
  let sequence = 0;
  const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;

  const charge = (extra: Record<string, unknown> = {}) => {
    const actionId = pick(lookups);
    return {
      actionId,
      workbookId: pick(workbooks),
      recordId: `rec_${random(40)}`,
      field: actionId,
      ...(random(3) === 0 ? { enrichmentId: 'en_1' } : {}),
      ...extra,
    };
  };

  const operations: (() => Promise<Answer | Answer[]>)[] = [
    async () => {
      const answer = await send('charge', 'POST', '/v1/charges', charge(), `charge-${sequence++}`);
      if (answer.status === 201 && answer.body?.id) charged.push(answer.body.id);
      return answer;
    },
    () => {
      const chargeId = charged.length > 0 ? pick(charged) : 'charge_missing';
      return send('refund', 'POST', `/v1/charges/${chargeId}/refund`, { reason: 'no_data' }, `refund-${sequence++}`);
    },
    () => send('purchase', 'POST', '/v1/purchases', { credits: 1 + random(50) / 4 }, `purchase-${sequence++}`),
    () =>
      send(
        'limit',
        'PUT',
        random(2) === 0 ? `/v1/workbooks/${pick(workbooks)}/spend-limit` : '/v1/enrichments/en_1/spend-limit',
        { enabled: random(3) !== 0, limit: 5 + random(60) },
        `limit-${sequence++}`,
      ),
    () =>
      random(2) === 0
        ? send('own key', 'PUT', `/v1/integrations/${pick(['mailfinder', 'phonebook'])}/key`, {
            apiKey: `key-${random(1000)}-secret`,
          })
        : send('own key', 'DELETE', `/v1/integrations/${pick(['mailfinder', 'phonebook'])}/key`),
    () =>
      send(
        'plan change',
        'POST',
        '/v1/plan/change',
        { planId: pick(['starter-monthly', 'explorer-monthly']) },
        `plan-${sequence++}`,
      ),
    async () => {
      const runId = `run_${sequence++}`;
      const answer = await send('run', 'POST', '/v1/ai/runs', {
        runId,
        workbookId: pick(workbooks),
        model: 'gpt-mini',
        budget: 1 + random(8),
      });
      if (answer.status === 201) runs.push(runId);
      return answer;
    },
    () => {
      if (runs.length === 0) return send('renewal', 'POST', `/v1/dev/workspaces/${workspaceId}/renew`);
      const runId = pick(runs);
      return random(3) === 0
        ? send('run complete', 'POST', `/v1/ai/runs/${runId}/complete`, undefined, `complete-${sequence++}`)
        : send(
            'run charge',
            'POST',
            '/v1/charges',
            charge({
              actionId: 'ai-write-gpt-mini',
              field: 'summary',
              runId,
              usage: { inputTokens: 100 + random(2000), outputTokens: random(500) },
            }),
            `run-charge-${sequence++}`,
          );
    },
    async () => {
      // One key, two routes, at the same moment: one claims it, the other must be told it is taken.
      const key = `reused-${sequence++}`;
      const other =
        random(2) === 0 && charged.length > 0
          ? send('reused refund', 'POST', `/v1/charges/${pick(charged)}/refund`, { reason: 'no_data' }, key)
          : send(
              'reused limit',
              'PUT',
              `/v1/workbooks/${pick(workbooks)}/spend-limit`,
              { enabled: false, limit: 0 },
              key,
            );
      const pair = await Promise.all([send('reused charge', 'POST', '/v1/charges', charge(), key), other]);
      reusedKeyPairs.push(pair);
      return pair;
    },
  ];

  const answers = (
    await Promise.all(
      Array.from({ length: clientCount }, async () => {
        const mine: Answer[] = [];
        for (let index = 0; index < operationsPerClient; index++) {
          mine.push(...[await pick(operations)()].flat());
        }
        return mine;
      }),
    )
  ).flat();

  const serverErrors = answers.filter((answer) => answer.status >= 500);
  expect(serverErrors.map((answer) => `${answer.label}: ${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);
  const notProblems = answers.filter((a) => a.status >= 400 && !a.contentType.includes('application/problem+json'));
  expect(notProblems.map((answer) => `${answer.label}: ${answer.status}`)).toEqual([]);
  for (const pair of reusedKeyPairs) {
    const conflicts = pair.filter((answer) => answer.body?.code === 'idempotency_conflict');
    expect(
      conflicts.map((answer) => answer.status),
      pair.map((a) => `${a.label} ${a.status}`).join(' | '),
    ).toEqual([409]);
  }
  expect(await reconcile(server.db, workspaceId)).toEqual([]);
  expect(await balanceChainBreaks(server.db, workspaceId)).toEqual([]);

  const statuses = new Map<string, number>();
  for (const answer of answers) {
    const name = `${answer.label} ${answer.status}`;
    statuses.set(name, (statuses.get(name) ?? 0) + 1);
  }
  return [...statuses]
    .sort()
    .map(([name, count]) => `${name}×${count}`)
    .join(', ');
}

describe('Every mutating route at once on a real PostgreSQL: no 5xx, one owner per key, a reconciling ledger', () => {
  const figures: string[] = [];
  afterAll(() => console.log(figures.join('\n')));
  for (let index = 1; index <= rounds; index++) {
    it(`round ${index}`, async () => {
      figures.push(`round ${index}: ${await round(roundRandom(seed, index))}`);
    });
  }
});
