// The database's own rate for what a charge must do at least: take credits from a grant only if enough are left,
// and write the ledger row that says so. No HTTP, no rules, no idempotency: the ceiling the server is held to.
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/store/database';

/** A grant that never runs out during a bench, and its ledger, in a schema of their own. */
const setup = `
  DROP SCHEMA IF EXISTS bench_bare CASCADE;
  CREATE SCHEMA bench_bare;
  CREATE TABLE bench_bare.grants (id text PRIMARY KEY, remaining bigint NOT NULL CHECK (remaining >= 0));
  CREATE TABLE bench_bare.ledger (
    id bigserial PRIMARY KEY, grant_id text NOT NULL REFERENCES bench_bare.grants (id),
    credits bigint NOT NULL, balance_after bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
  INSERT INTO bench_bare.grants VALUES ('grant_hot', 9000000000000);
`;

/** The price of the bench's action, `find-work-email`, in thousandths. */
const price = 1000;

export interface BareRate {
  'debits/s': number;
  'p50 ms': number;
  'p99 ms': number;
  /** PGlite only: the CPU time of the process, which holds the database, per debit. */
  'CPU ms/debit'?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(clients: number, seconds: number, debit: () => Promise<void>): Promise<BareRate> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await debit();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    'debits/s': Math.round(latencies.length / seconds),
    'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
  };
}

/**
 * PGlite: one transaction per debit, a conditional UPDATE then the ledger INSERT, one after the other (PGlite has
 * one connection, so `clients` only keeps the queue full).
 */
export async function bareTransactionRate(db: Database, clients: number, seconds: number): Promise<BareRate> {
  await db.exec(setup);
  const cpuBefore = process.cpuUsage();
  const rate = await measure(clients, seconds, () =>
    db.transaction(async (tx) => {
      const [grant] = await tx.query<{ remaining: number }>(
        'UPDATE bench_bare.grants SET remaining = remaining - $1 WHERE id = $2 AND remaining >= $1 RETURNING remaining',
        [price, 'grant_hot'],
      );
      if (!grant) throw new Error('the bench grant ran out');
      await tx.query('INSERT INTO bench_bare.ledger (grant_id, credits, balance_after) VALUES ($1, $2, $3)', [
        'grant_hot',
        -price,
        grant.remaining,
      ]);
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const debits = rate['debits/s'] * seconds;
  return { ...rate, 'CPU ms/debit': Number(((cpu.user + cpu.system) / 1000 / debits).toFixed(3)) };
}

/**
 * PostgreSQL: the same debit and ledger row as one statement (one round trip, its own commit), from `clients`
 * connections at once on one hot grant, so they queue on its row lock as a hot workspace's charges do.
 */
export async function bareStatementRate(db: Database, clients: number, seconds: number): Promise<BareRate> {
  await db.exec(setup);
  return measure(clients, seconds, async () => {
    const rows = await db.query(
      `WITH debited AS (
         UPDATE bench_bare.grants SET remaining = remaining - $1 WHERE id = $2 AND remaining >= $1
         RETURNING id, remaining)
       INSERT INTO bench_bare.ledger (grant_id, credits, balance_after)
       SELECT id, -$1, remaining FROM debited RETURNING id`,
      [price, 'grant_hot'],
    );
    if (rows.length === 0) throw new Error('the bench grant ran out');
  });
}
