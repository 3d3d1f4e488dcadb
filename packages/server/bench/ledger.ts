// Charge throughput of the reference server, with every rule on: one hot workspace and many
// workspaces, on PGlite and (when DATABASE_URL is set) on PostgreSQL. Prints figures; asserts nothing.
// The server runs as its own process (the built `creditkit-server` bin), as it is deployed, so the
// load generator here does not share its event loop.
//   pnpm --filter @creditkit/server bench            PGlite only
//   DATABASE_URL=postgres://... pnpm ... bench       PGlite and PostgreSQL
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);

interface BenchServer {
  url: string;
  process: ChildProcess;
}

async function newWorkspace(server: BenchServer): Promise<string> {
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

async function load(server: BenchServer, keys: string[], clients: number) {
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

/** Starts `creditkit-server` in dev mode on a free port and waits for the line that gives its URL. */
async function startServerProcess(storage: string[]): Promise<BenchServer> {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ') ?? []), cli, '--dev', '--port', '0', ...storage],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  for await (const line of createInterface({ input: child.stdout as NonNullable<typeof child.stdout> })) {
    const url = /listening on (\S+)/.exec(line)?.[1];
    if (url) return { url, process: child };
  }
  throw new Error('creditkit-server exited before listening (run `pnpm build` first)');
}

async function bench(label: string, storage: string[]) {
  const server = await startServerProcess(storage);
  try {
    const hot = [await newWorkspace(server)];
    const many = await Promise.all(Array.from({ length: clients * 4 }, () => newWorkspace(server)));
    console.log(`${label}, ${seconds} s each`);
    console.table({
      [`one hot workspace, ${clients} clients`]: await load(server, hot, clients),
      // More clients on one workspace make bigger groups per transaction (see http/charge-batcher.ts).
      [`one hot workspace, ${clients * 8} clients`]: await load(server, hot, clients * 8),
      [`${many.length} workspaces, ${clients} clients`]: await load(server, many, clients),
    });
  } finally {
    server.process.kill('SIGTERM');
    await once(server.process, 'exit');
  }
}

await bench('PGlite (in memory)', ['--memory']);
if (process.env.DATABASE_URL) await bench('PostgreSQL', ['--database-url', process.env.DATABASE_URL]);
else console.log('PostgreSQL: set DATABASE_URL to measure it too.');
