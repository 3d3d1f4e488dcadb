// Scale-out: charges/s for 32 workspaces on one `creditkit-server` instance and on two, on one PostgreSQL, and
// the ratio two/one. Each configuration gets a database of its own; every workspace has one client, and each
// client sends its requests to the instances in turn, as a round-robin balancer without sticky sessions would.
// The instances, the load and PostgreSQL share this machine's cores, so the ratio says what a second instance
// adds here; on machines of their own, the database is what bounds it. Prints figures; asserts nothing.
//   pnpm --filter @creditkit/server bench:instances          on a throwaway cluster
//   DATABASE_URL=postgres://... pnpm ... bench:instances     databases made in that cluster (a superuser's URL)
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startDeployment } from '../test/support/instances';
import { createDatabase, startPostgres } from '../test/support/postgres';
import type { ServerProcess } from '../test/support/server-process';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const workspaces = 32;

async function newWorkspace(instance: ServerProcess): Promise<string> {
  const response = await fetch(`${instance.url}/v1/dev/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId: 'pro-annual' }),
  });
  return ((await response.json()) as { secretKey: string }).secretKey;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One client per workspace for `seconds`, each sending its charges to the instances in turn. */
async function load(instances: ServerProcess[], keys: string[]) {
  const latencies: number[] = [];
  let refused = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    keys.map(async (key, client) => {
      for (let sent = 0; performance.now() < deadline; sent++) {
        const instance = instances[(client + sent) % instances.length] as ServerProcess;
        const record = `rec_${client}_${sent}`;
        const started = performance.now();
        const response = await fetch(`${instance.url}/v1/charges`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': record },
          body: JSON.stringify({
            actionId: 'find-work-email',
            workbookId: 'wb_bench',
            recordId: record,
            field: 'email',
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

/** `count` instances started together on a database of their own, loaded, then stopped with SIGTERM. */
async function deployment(clusterUrl: string, count: number) {
  const databaseUrl = await createDatabase(clusterUrl, `bench_${randomBytes(4).toString('hex')}`);
  const { instances } = await startDeployment(databaseUrl, count);
  try {
    const keys = await Promise.all(
      Array.from({ length: workspaces }, (_, index) => newWorkspace(instances[index % count] as ServerProcess)),
    );
    return await load(instances, keys);
  } finally {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
  }
}

const cluster = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => undefined }
  : await startPostgres();
try {
  const one = await deployment(cluster.url, 1);
  const two = await deployment(cluster.url, 2);
  console.log(
    `Scale-out on one PostgreSQL: ${workspaces} workspaces, a client each, ${seconds} s each, ${availableParallelism()} cores shared`,
  );
  console.table({ 'one instance': one, 'two instances': two });
  console.log(`charges/s two instances ÷ one: ${(two['charges/s'] / one['charges/s']).toFixed(2)}×`);
} finally {
  await cluster.stop();
}
