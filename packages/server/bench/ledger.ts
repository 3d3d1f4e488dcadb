// Charge throughput of the reference server, with every rule on: one hot workspace and many
// workspaces, on PGlite and (when DATABASE_URL is set) on PostgreSQL. Prints figures; asserts nothing.
//   pnpm --filter @creditkit/server bench            PGlite only
//   DATABASE_URL=postgres://... pnpm ... bench       PGlite and PostgreSQL
import { performance } from 'node:perf_hooks';
import { type RunningServer, startServer } from '../src/server';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);

async function newWorkspace(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/v1/dev/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId: 'pro-annual' }),
  });
  return ((await response.json()) as { secretKey: string }).secretKey;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(server: RunningServer, keys: string[]) {
  const latencies: number[] = [];
  let refused = 0;
  let counter = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const key = keys[client % keys.length] as string;
      while (performance.now() < deadline) {
        const record = `rec_${client}_${counter++}`;
        const started = performance.now();
        const response = await fetch(`${server.url}/v1/charges`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': record },
          body: JSON.stringify({
            actionId: 'find-work-email',
            workbookId: 'wb_bench',
            recordId: record,
            field: 'email',
            enrichmentId: 'enr_bench',
          }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 201) refused++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    'charges/s': Math.round(latencies.length / seconds),
    'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
    refused,
  };
}

async function bench(label: string, options: Parameters<typeof startServer>[0]) {
  const server = await startServer({ port: 0, dev: true, ...options });
  try {
    const hot = [await newWorkspace(server)];
    const many = await Promise.all(Array.from({ length: clients * 4 }, () => newWorkspace(server)));
    console.log(`${label}, ${clients} clients, ${seconds} s each`);
    console.table({
      'one hot workspace': await load(server, hot),
      [`${many.length} workspaces`]: await load(server, many),
    });
  } finally {
    await server.close();
  }
}

await bench('PGlite (in memory)', {});
if (process.env.DATABASE_URL) await bench('PostgreSQL', { databaseUrl: process.env.DATABASE_URL });
else console.log('PostgreSQL: set DATABASE_URL to measure it too.');
