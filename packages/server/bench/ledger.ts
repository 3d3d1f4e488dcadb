// Charge throughput of the reference server, with every rule on: one hot workspace and many
// workspaces, on PGlite and on PostgreSQL (DATABASE_URL's, or a throwaway cluster the bench starts), each next to
// the database's own rate measured first in the same run (bare debits, bench/bare-debits.ts) and printed as a
// ratio; GET /v1/balance next to GET /v1/plans; the server's idle memory; what a quote of the largest run costs
// next to charging that run; and how fast another workspace's
// balance answers while one workspace floods the server with the slowest prompts to count; and charges on a
// workspace whose every event is delivered to webhook endpoints next to one without. Prints figures; asserts
// nothing.
// The server runs as its own process (the built `creditkit-server` bin), as it is deployed, so the
// load generator here does not share its event loop.
//   pnpm --filter @creditkit/server bench            PGlite, and PostgreSQL on a throwaway cluster
//   DATABASE_URL=postgres://... pnpm ... bench       PGlite, and PostgreSQL on that database
//   BENCH_ONLY=charges                               the baselines, reads and charges only (for profiling)
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MAX_PROMPT_LENGTH, MAX_QUOTE_RECORDS, MAX_QUOTE_ROWS } from '@creditkit/sdk/schemas';
import { openPostgres } from '../src/store/postgres';
import { startPostgres } from '../test/support/postgres';
import { worstPrompts } from '../test/support/worst-prompts';
import { type BareRate, bareStatementRate } from './bare-debits';

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

/**
 * CPU time a process has used, in ms, from /proc (Linux): user and system, all its threads. Unlike charges/s it
 * hardly moves with what else the machine runs, so before/after comparisons of the server hold on a busy machine.
 */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat(5), counted from the state (field 3) here, in clock ticks (10 ms).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(server: BenchServer, keys: string[], clients: number) {
  const latencies: number[] = [];
  const cpuBefore = cpuMs(server.process.pid);
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
  const cpu = cpuMs(server.process.pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    'charges/s': Math.round(latencies.length / seconds),
    'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
    'server CPU ms/charge': Number((cpu / latencies.length).toFixed(3)),
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

/** Sequential quotes of one body for `seconds`: their latencies, sorted. */
async function quoteLatencies(server: BenchServer, key: string, body: unknown): Promise<number[]> {
  const latencies: number[] = [];
  const text = JSON.stringify(body);
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${server.url}/v1/quotes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: text,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`a quote answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

/**
 * The largest quotes the contract takes, on the hot workspace (the load charged some of the records quoted):
 * 1,000 record ids and 10,000 rows by count, one after the other, against charging 1,000 rows one by one at the
 * throughput just measured.
 */
async function quotes(server: BenchServer, key: string, chargesPerSecond: number) {
  const run = { actionId: 'find-work-email', workbookId: 'wb_bench', field: 'email', enrichmentId: 'enr_bench' };
  const recordIds = Array.from({ length: MAX_QUOTE_RECORDS }, (_, index) => `rec_0_${index * 2}`);
  const byIds = await quoteLatencies(server, key, { ...run, recordIds });
  const byRows = await quoteLatencies(server, key, { ...run, rows: MAX_QUOTE_ROWS });
  const row = (sorted: number[]) => ({
    quotes: sorted.length,
    'p50 ms': Number(percentile(sorted, 50).toFixed(2)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(2)),
  });
  console.log(`POST /v1/quotes on the hot workspace, one at a time, ${seconds} s each`);
  console.table({
    [`${MAX_QUOTE_RECORDS.toLocaleString('en-US')} record ids`]: row(byIds),
    [`${MAX_QUOTE_ROWS.toLocaleString('en-US')} rows`]: row(byRows),
  });
  const chargingMs = (MAX_QUOTE_RECORDS / chargesPerSecond) * 1000;
  console.log(
    `charging ${MAX_QUOTE_RECORDS.toLocaleString('en-US')} rows at ${chargesPerSecond} charges/s / quoting them (p50): ${(chargingMs / percentile(byIds, 50)).toFixed(1)}×`,
  );
}

/** Sequential `GET /v1/balance` of one workspace for `seconds`: its latencies, sorted. */
async function balanceLatencies(server: BenchServer, key: string): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${server.url}/v1/balance`, { headers: { authorization: `Bearer ${key}` } });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

/**
 * One workspace's clients send the slowest prompts to count, at the contract's length limit, for as long as
 * another workspace reads its balance: that balance's p99 against its p99 with nothing else running.
 */
async function promptFlood(server: BenchServer) {
  const [flooder, bystander] = [await newWorkspace(server), await newWorkspace(server)];
  const bodies = worstPrompts().map(({ text }) =>
    JSON.stringify({ model: 'gpt-mini', rows: 1, outputTokens: 1, prompt: text }),
  );
  const quiet = await balanceLatencies(server, bystander);
  const answers = new Map<number, number>();
  let flooding = true;
  const flood = Array.from({ length: clients }, async (_, client) => {
    for (let sent = client; flooding; sent++) {
      const response = await fetch(`${server.url}/v1/ai/estimates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${flooder}`, 'content-type': 'application/json' },
        body: bodies[sent % bodies.length] as string,
      });
      await response.arrayBuffer();
      answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
    }
  });
  const flooded = await balanceLatencies(server, bystander);
  flooding = false;
  await Promise.all(flood);
  const p99 = (sorted: number[]) => Number(percentile(sorted, 99).toFixed(2));
  const row = (sorted: number[]) => ({
    requests: sorted.length,
    'p50 ms': Number(percentile(sorted, 50).toFixed(2)),
    'p99 ms': p99(sorted),
  });
  console.log(
    `another workspace's GET /v1/balance, ${seconds} s each; the flood: ${clients} clients sending ${MAX_PROMPT_LENGTH.toLocaleString('en-US')}-character a–z, CJK, Hangul and emoji prompts`,
  );
  console.table({ 'no flood': row(quiet), 'during the flood': row(flooded) });
  const statuses = [...answers].map(([status, count]) => `${count} × ${status}`).join(', ');
  console.log(
    `p99 during the flood / p99 without: ${(p99(flooded) / p99(quiet)).toFixed(2)}×; estimates answered: ${statuses}`,
  );
}

/**
 * Charges on a workspace with three webhook endpoints (a receiver in this process answers 200) next to a workspace
 * with none: deliveries happen outside the charges' transactions, so the ratio says what they cost a charge.
 */
async function webhooks(server: BenchServer) {
  let received = 0;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const [plain, hooked] = [await newWorkspace(server), await newWorkspace(server)];
    for (let endpoint = 0; endpoint < 3; endpoint++) {
      await fetch(`${server.url}/v1/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hooked}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${url}?endpoint=${endpoint}` }),
      });
    }
    const without = await load(server, [plain], clients);
    const withHooks = await load(server, [hooked], clients);
    const sent = received;
    console.log(`Charges with every event delivered to 3 webhook endpoints, ${clients} clients, ${seconds} s each`);
    console.table({ 'no endpoint': without, '3 endpoints': withHooks });
    console.log(
      `charges/s with webhooks ÷ without: ${(withHooks['charges/s'] / without['charges/s']).toFixed(2)}; ` +
        `${sent} deliveries received during the load (${withHooks['charges/s'] * seconds * 3} events × endpoints queued)`,
    );
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
}

/** Sequential GETs of one path from `clients` clients for `seconds`: requests/s and latencies. */
async function readRate(server: BenchServer, key: string, path: string) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    'requests/s': Math.round(latencies.length / seconds),
    'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
  };
}

/** A process's resident memory in MB, from /proc (Linux). */
function residentMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}

/**
 * The bare PGlite debit transactions, in a process of their own opened as the server opens PGlite: through PGlite's
 * own `query` (`query`) or through the store's prepared statements (`prepared`).
 */
async function barePgliteRate(mode: 'query' | 'prepared'): Promise<BareRate> {
  const script = fileURLToPath(new URL('./bare-pglite-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode, String(clients), String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) output += chunk;
  return JSON.parse(output) as BareRate;
}

const ratio = (measured: number, baseline: number) => `${(measured / baseline).toFixed(2)}×`;

/**
 * `baselines`: the database's own rates, by name; the first is the aim's (issue 16), the others are printed as
 * ratios too.
 */
async function bench(label: string, storage: string[], baselines: Record<string, BareRate>) {
  const server = await startServerProcess(storage);
  try {
    const hot = [await newWorkspace(server)];
    const many = await Promise.all(Array.from({ length: clients * 4 }, () => newWorkspace(server)));
    // Idle: the workspaces made, nothing in flight, the dispatcher's first rounds done.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = residentMb(server.process.pid);
    console.log(`${label}, ${clients} clients, ${seconds} s each`);
    const plans = await readRate(server, hot[0] as string, '/v1/plans');
    const balance = await readRate(server, hot[0] as string, '/v1/balance');
    console.table(baselines);
    console.table({ 'GET /v1/plans': plans, 'GET /v1/balance': balance });
    const hotLoad = await load(server, hot, clients);
    const manyLoad = await load(server, many, clients);
    console.table({
      [`one hot workspace, ${clients} clients`]: hotLoad,
      // More clients on one workspace make bigger groups per transaction (see http/charge-batcher.ts).
      [`one hot workspace, ${clients * 8} clients`]: await load(server, hot, clients * 8),
      [`${many.length} workspaces, ${clients} clients`]: manyLoad,
    });
    console.log(
      [
        ...Object.entries(baselines).map(
          ([name, rate], index) =>
            `charges/s ÷ ${name}/s: one hot workspace ${ratio(hotLoad['charges/s'], rate['debits/s'])}, ` +
            `${many.length} workspaces ${ratio(manyLoad['charges/s'], rate['debits/s'])}${index === 0 ? ' (aim ≥ 0.80×)' : ''}`,
        ),
        ...Object.entries(baselines).flatMap(([name, rate]) =>
          rate['CPU ms/debit'] === undefined
            ? []
            : [
                `CPU of one of the ${name} ÷ the server's CPU per charge (the ratio on a machine of its own): one hot ` +
                  `workspace ${ratio(rate['CPU ms/debit'], hotLoad['server CPU ms/charge'])}, ${many.length} ` +
                  `workspaces ${ratio(rate['CPU ms/debit'], manyLoad['server CPU ms/charge'])}`,
              ],
        ),
        `GET /v1/balance ÷ GET /v1/plans: ${ratio(balance['requests/s'], plans['requests/s'])} (aim ≥ 0.50×)`,
        `p99 of a charge, ${clients} clients: one hot workspace ${hotLoad['p99 ms']} ms, ${many.length} workspaces ` +
          `${manyLoad['p99 ms']} ms (aim < 25 ms)`,
        `server RSS: ${idleRss} MB idle, ${residentMb(server.process.pid)} MB after the charges`,
      ].join('\n'),
    );
    if (process.env.BENCH_ONLY === 'charges') return;
    await quotes(server, hot[0] as string, hotLoad['charges/s']);
    await webhooks(server);
    await promptFlood(server);
  } finally {
    server.process.kill('SIGTERM');
    await once(server.process, 'exit');
  }
}

await bench('PGlite (in memory)', ['--memory'], {
  // The aim's baseline: what a program doing nothing but debits gets from PGlite's API.
  'bare PGlite debit transactions': await barePgliteRate('query'),
  // The engine's best: the same transactions on statements prepared once, as the server runs its own.
  'bare debit transactions on prepared statements': await barePgliteRate('prepared'),
});

/** DATABASE_URL's PostgreSQL, or a throwaway cluster of Debian's binaries as the tests start. */
const postgres = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => undefined }
  : await startPostgres();
try {
  const db = await openPostgres(postgres.url);
  let bare: BareRate;
  try {
    bare = await bareStatementRate(db, clients, seconds);
  } finally {
    await db.close();
  }
  await bench('PostgreSQL', ['--database-url', postgres.url], { 'bare single-statement debits': bare });
} finally {
  await postgres.stop();
}
