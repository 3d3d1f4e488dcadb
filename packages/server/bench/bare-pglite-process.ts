// Run by bench/ledger.ts as a process of its own, as the server is: PGlite in memory, opened as the server opens
// it, measuring bare debit transactions; prints the rate as one JSON line.
import { openPglite } from '../src/store/pglite';
import { bareTransactionRate } from './bare-debits';

const [clients, seconds] = process.argv.slice(2).map(Number) as [number, number];
const db = await openPglite(undefined);
try {
  console.log(JSON.stringify(await bareTransactionRate(db, clients, seconds)));
} finally {
  await db.close();
}
