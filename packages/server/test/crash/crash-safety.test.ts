import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { openPglite } from '../../src/store/pglite';
import { openPostgres } from '../../src/store/postgres';
import { reconcile } from '../../src/store/reconcile';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';
import { killServerProcesses, type ServerProcess, spawnServer } from '../support/server-process';
import { freshPgliteFolder } from '../support/test-server';
import { waitTimeoutMs } from '../support/timeouts';

/*
 * The server runs as the real CLI in a child process, so SIGKILL stops it wherever it is: between two statements
 * of a charge, or after a commit whose answer never left. Whatever the moment, the restarted server must hold
 * whole charges only, and retrying every request with its idempotency key must charge each exactly once.
 */

const requestCount = 200;
/** Kill once this many answers came back: enough to have acknowledged charges, with many still in flight. */
const answersBeforeKill = 50;
/** Requests in flight at once: enough for group commits to batch, fewer than the 150 left after the kill. */
const inFlight = 32;
/** Below the request count, so the load ends in both 201s and 402s and both kinds of answer must survive. */
const workbookLimit = 120;
const workbookId = 'wb_crash';

interface Answer {
  status: number;
  /** The fields this test reads: a charge's id, a problem's code, the balance's spendable. */
  body: { id?: string; code?: string; spendable?: number };
}

function send(server: ServerProcess, method: string, path: string, body: unknown, key?: string): Promise<Answer> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.secretKey}`,
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(waitTimeoutMs),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Answer['body'] }));
}

const chargeRequests = Array.from({ length: requestCount }, (_, index) => ({
  key: `crash-load-${index}`,
  body: { actionId: 'find-work-email', workbookId, recordId: `rec_${index}`, field: 'email' },
}));

/**
 * Everything that must hold of the stored ledger, whatever instant the process died at. Each entry of the
 * answer is one broken promise, so a failure says what is wrong rather than that a count is off.
 */
async function ledgerProblems(db: Database, workspaceId: string): Promise<string[]> {
  const problems = (await reconcile(db)).map(
    (discrepancy) =>
      `${discrepancy.kind} ${discrepancy.id}: recorded ${discrepancy.recorded}, entries ${discrepancy.fromEntries}`,
  );
  const partial = await db.query<{ id: string; credits: number; entries: number }>(
    `SELECT c.id, c.credits, COALESCE(SUM(e.credits), 0)::bigint AS entries
       FROM charges c LEFT JOIN ledger_entries e ON e.charge_id = c.id AND e.type = 'charge'
      WHERE c.workspace_id = $1 AND c.status = 'charged' AND c.credits > 0
      GROUP BY c.id, c.credits
     HAVING COALESCE(SUM(e.credits), 0) <> -c.credits`,
    [workspaceId],
  );
  problems.push(...partial.map((row) => `charge ${row.id} of ${row.credits} has entries summing to ${row.entries}`));
  const undeduplicated = await db.query<{ id: string }>(
    `SELECT c.id FROM charges c WHERE c.workspace_id = $1 AND c.status = 'charged'
        AND NOT EXISTS (SELECT 1 FROM dedup_keys d WHERE d.charge_id = c.id)`,
    [workspaceId],
  );
  problems.push(...undeduplicated.map((row) => `charge ${row.id} has no dedup key`));
  // A key claimed without its answer would make every retry replay nothing.
  const unanswered = await db.query<{ key: string }>(
    'SELECT key FROM idempotency_keys WHERE workspace_id = $1 AND status = 0',
    [workspaceId],
  );
  problems.push(...unanswered.map((row) => `idempotency key ${row.key} is claimed but holds no answer`));
  // A charge whose key was lost would be charged a second time by the retry.
  const keyless = await db.query<{ id: string }>(
    `SELECT c.id FROM charges c WHERE c.workspace_id = $1 AND NOT EXISTS (
       SELECT 1 FROM idempotency_keys k WHERE k.workspace_id = c.workspace_id AND k.response->'body'->>'id' = c.id)`,
    [workspaceId],
  );
  problems.push(...keyless.map((row) => `charge ${row.id} has no idempotency key answering with it`));
  return problems;
}

/** The HTTP status stored with each load request's idempotency key: what a retry with that key will get. */
async function storedAnswers(db: Database, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; status: number }>(
    "SELECT key, status FROM idempotency_keys WHERE workspace_id = $1 AND key LIKE 'crash-load-%'",
    [workspaceId],
  );
  return new Map(rows.map((row) => [row.key, row.status]));
}

/** Opens the stored database while no server holds it (PGlite's folder is one process's at a time). */
async function withDatabase<T>(open: () => Promise<Database>, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

interface Storage {
  args: readonly string[];
  open: () => Promise<Database>;
  /** The CLI keeps the demo workspace's key beside a PGlite folder; with a database URL it makes a new one. */
  keepsDemoKey: boolean;
}

async function crashAndRecover(storage: Storage): Promise<string> {
  const first = await spawnServer(storage.args);
  const { workspaceId, secretKey } = first;
  const limit = await send(first, 'PUT', `/v1/workbooks/${workbookId}/spend-limit`, {
    enabled: true,
    limit: workbookLimit,
  });
  expect(limit.status).toBe(200);
  const allowance = (await send(first, 'GET', '/v1/balance', undefined)).body.spendable ?? Number.NaN;

  // The load: `inFlight` requests at a time, each answer sending the next; the 50th answer pulls the plug and
  // sends no more, so the kill lands with requests in flight and others never sent, however fast the machine
  // answers. An answer that arrives after the signal was still sent by the server, so it binds the server as much
  // as the others.
  const answered = new Map<string, Answer>();
  const waiting = [...chargeRequests];
  const sendNext = async (): Promise<void> => {
    const next = first.child.signalCode === null && !first.child.killed ? waiting.shift() : undefined;
    if (!next) return;
    const answer = await send(first, 'POST', '/v1/charges', next.body, next.key).catch(() => undefined);
    if (!answer) return;
    answered.set(next.key, answer);
    if (answered.size === answersBeforeKill) first.child.kill('SIGKILL');
    await sendNext();
  };
  await Promise.all(Array.from({ length: inFlight }, sendNext));
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect([...answered.values()].filter((answer) => answer.status !== 201 && answer.status !== 402)).toEqual([]);
  expect(answered.size).toBeLessThan(requestCount);

  // The database as the killed process left it: whole charges only, and every answer it gave is stored.
  const survived = await withDatabase(storage.open, async (db) => {
    expect(await ledgerProblems(db, workspaceId)).toEqual([]);
    return storedAnswers(db, workspaceId);
  });
  for (const [key, answer] of answered) expect([key, survived.get(key)]).toEqual([key, answer.status]);

  // Restarted on the same storage, the first key still works, and every request is retried with its key.
  const second = await spawnServer(storage.args);
  if (storage.keepsDemoKey) expect(second.secretKey).toBe(secretKey);
  const restarted = { ...second, workspaceId, secretKey };
  try {
    const retried = await Promise.all(
      chargeRequests.map(
        async ({ key, body }) => [key, await send(restarted, 'POST', '/v1/charges', body, key)] as const,
      ),
    );
    expect(retried.filter(([, answer]) => answer.status !== 201 && answer.status !== 402)).toEqual([]);
    for (const [key, answer] of retried) {
      const before = answered.get(key);
      if (before) expect({ key, ...pickAnswer(answer) }).toEqual({ key, ...pickAnswer(before) });
    }
    const charged = retried.filter(([, answer]) => answer.status === 201);
    expect(new Set(charged.map(([, answer]) => answer.body.id)).size).toBe(charged.length);
    expect(charged).toHaveLength(workbookLimit);
    expect(retried.filter(([, answer]) => answer.status === 402)).toHaveLength(requestCount - workbookLimit);
    const balance = (await send(restarted, 'GET', '/v1/balance', undefined)).body.spendable;
    expect(balance).toBe(allowance - workbookLimit);
    // Asking again changes nothing: the answers are the stored ones.
    const again = await Promise.all(
      chargeRequests.map(({ key, body }) => send(restarted, 'POST', '/v1/charges', body, key)),
    );
    expect(again.map(pickAnswer)).toEqual(retried.map(([, answer]) => pickAnswer(answer)));
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }

  const final = await withDatabase(storage.open, async (db) => {
    expect(await ledgerProblems(db, workspaceId)).toEqual([]);
    const [row] = await db.query<{ count: number; credits: number }>(
      `SELECT count(*)::bigint AS count, COALESCE(SUM(credits), 0)::bigint AS credits FROM charges
        WHERE workspace_id = $1 AND workbook_id = $2`,
      [workspaceId, workbookId],
    );
    return { charges: Number(row?.count), credits: Number(row?.credits), keys: await storedAnswers(db, workspaceId) };
  });
  // Exactly once: every key stored once, and one 1-credit charge per key whose stored answer is a 201.
  const chargedKeys = [...final.keys.values()].filter((status) => status === 201).length;
  expect({ keys: final.keys.size, chargedKeys }).toEqual({ keys: requestCount, chargedKeys: workbookLimit });
  expect({ charges: final.charges, credits: final.credits }).toEqual({
    charges: chargedKeys,
    credits: chargedKeys * 1000,
  });
  const committedUnanswered = [...survived.keys()].filter((key) => !answered.has(key)).length;
  return (
    `${answered.size} answered around the SIGKILL, ${survived.size} stored ` +
    `(${committedUnanswered} committed but unanswered), ${requestCount - survived.size} retried from scratch`
  );
}

const pickAnswer = (answer: Answer) => ({ status: answer.status, id: answer.body.id, code: answer.body.code });

describe('the server killed with SIGKILL in the middle of a charge load', () => {
  let postgres: ThrowawayPostgres;
  const folders: string[] = [];

  beforeAll(async () => {
    postgres = await postgresForTests();
  });

  afterEach(() => {
    killServerProcesses();
  });

  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await postgres?.stop();
  });

  it('on a PGlite data folder: restarts with a reconciling ledger, no partial charge, retries charge once', async () => {
    const dataDir = freshPgliteFolder();
    folders.push(dataDir);
    const summary = await crashAndRecover({
      args: ['--data', dataDir],
      open: () => openPglite(dataDir),
      keepsDemoKey: true,
    });
    console.log(`PGlite: ${summary}`);
  });

  it('on PostgreSQL: restarts with a reconciling ledger, no partial charge, retries charge once', async () => {
    const summary = await crashAndRecover({
      args: ['--database-url', postgres.url],
      open: () => openPostgres(postgres.url, 2),
      keepsDemoKey: false,
    });
    console.log(`PostgreSQL: ${summary}`);
  });
});
