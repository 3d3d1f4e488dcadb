#!/usr/bin/env node
// `pnpm start` from the repository root: builds what is needed, then runs the reference Credit API in dev
// mode on `.creditkit/` and the enrichment-panel demo beside it, until Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '../..');
const host = '127.0.0.1';
const apiPort = process.env.CREDITKIT_PORT ?? '4010';
const demoPort = process.env.DEMO_PORT ?? '5180';
const apiUrl = `http://${host}:${apiPort}`;
const demoUrl = `http://${host}:${demoPort}`;
const dataDir = join(root, '.creditkit');

const build = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'build', '--filter=@creditkit/server', '--filter=@creditkit/example-enrichment-panel'],
  { cwd: root, stdio: 'inherit', env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const children = new Set();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 5_000);
  force.unref();
  const finish = () => children.size === 0 && process.exit(code);
  for (const child of children) child.once('exit', finish);
  finish();
}

/** Runs `node args`, prefixing its output; resolves when a line matches `ready`. */
function run(name, args, ready) {
  return new Promise((resolveReady, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue;
        console.log(`[${name}] ${line}`);
        if (ready.test(line)) resolveReady(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!stopping) {
        console.error(`[${name}] exited (${signal ?? code}); stopping the rest`);
        reject(new Error(`${name} exited`));
        stopAll(code ?? 1);
      }
    });
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  // The demo's own origin is allowed explicitly, so the browser reaches the API without a proxy.
  await run(
    'api',
    [
      'packages/server/dist/cli.js',
      '--dev',
      '--data',
      dataDir,
      '--port',
      apiPort,
      '--host',
      host,
      '--cors-origin',
      demoUrl,
    ],
    /^dev mode: demo workspace/,
  );
  await run(
    'demo',
    [join(exampleDir, 'dist/server/main.js'), '--api', apiUrl, '--data', dataDir, '--port', demoPort, '--host', host],
    /^enrichment panel on /,
  );
  console.log(`\n  Enrichment panel demo: ${demoUrl}\n  Credit API:            ${apiUrl}\n  Ctrl-C stops both.\n`);
} catch {
  // stopAll is already under way
}
