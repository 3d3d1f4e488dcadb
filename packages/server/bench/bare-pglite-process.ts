// Run by bench/ledger.ts as a process of its own, as the server is: PGlite in memory with the server's settings,
// measuring bare debit transactions; prints the rate as one JSON line. `query`: through PGlite's own `query` (what
// a plain PGlite program does: each statement parsed and planned again); `prepared`: through the store's database
// (`openPglite`: each statement prepared once, `store/pglite-statements.ts`).
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../src/store/database';
import { openPglite, pgliteSettings } from '../src/store/pglite';
import { bareTransactionRate } from './bare-debits';

/** PGlite's own API as the store's `Database`, nothing in between. */
async function plainPglite(): Promise<Database> {
  const db = new PGlite({ postgresqlconf: pgliteSettings });
  await db.waitReady;
  return {
    kind: 'pglite',
    query: async (sql, params = []) => (await db.query(sql, [...params])).rows as never[],
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async (sql, params = []) => (await tx.query(sql, [...params])).rows as never[],
          exec: async (sql) => void (await tx.exec(sql)),
        }),
      ),
    close: () => db.close(),
  };
}

const [mode, clients, seconds] = process.argv.slice(2) as [string, string, string];
const db = mode === 'query' ? await plainPglite() : await openPglite(undefined);
try {
  console.log(JSON.stringify(await bareTransactionRate(db, Number(clients), Number(seconds))));
} finally {
  await db.close();
}
