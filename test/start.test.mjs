// `pnpm start` as a newcomer meets it: quiet while it builds, one banner with everything needed to try the demo
// and the API, one line when a port is taken, and a quiet exit on Ctrl-C. Each run gets free ports and its own
// data folder, so a demo already running in this clone is left alone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const root = resolve(import.meta.dirname, '..');
const startScript = join(root, 'examples/enrichment-panel/scripts/start.mjs');
// A first start builds the packages, and the machine may be busy: these only bound a hung run.
const startTimeout = 10 * 60_000;

const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-start-'));
const running = new Set();
after(() => {
  for (const child of running) process.kill(-child.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Listens on a free loopback port; `close` frees it. */
function listenOnFreePort() {
  return new Promise((resolveListening) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () =>
      resolveListening({ port: server.address().port, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}

async function freePort() {
  const { port, close } = await listenOnFreePort();
  await close();
  return port;
}

/** Runs `command args` in its own process group, as a terminal runs a command, collecting what it prints. */
function launch(command, args, env) {
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CREDITKIT_DATA: dataDir, ...env },
  });
  running.add(child);
  const printed = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    printed.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    printed.stderr += chunk;
  });
  const exited = new Promise((resolveExit) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolveExit({ code, signal });
    }),
  );
  const printedLine = (pattern) =>
    new Promise((resolveLine, reject) => {
      const check = () => {
        if (pattern.test(printed.stdout)) return resolveLine();
        if (child.exitCode !== null || child.signalCode !== null)
          return reject(new Error(`exited first:\n${printed.stdout}\n${printed.stderr}`));
        setTimeout(check, 200);
      };
      check();
    });
  return { child, printed, exited, printedLine };
}

for (const [variable, other] of [
  ['CREDITKIT_PORT', 'DEMO_PORT'],
  ['DEMO_PORT', 'CREDITKIT_PORT'],
]) {
  test(`a taken ${variable} is one line naming the port and the variable to change`, {
    timeout: startTimeout,
  }, async () => {
    const taken = await listenOnFreePort();
    try {
      const start = launch(process.execPath, [startScript], {
        [variable]: String(taken.port),
        [other]: String(await freePort()),
      });
      const { code } = await start.exited;
      assert.equal(code, 1);
      assert.equal(start.printed.stdout, '');
      const lines = start.printed.stderr.trim().split('\n');
      assert.equal(lines.length, 1, start.printed.stderr);
      assert.match(
        lines[0],
        new RegExp(`^Port ${taken.port} on 127\\.0\\.0\\.1 .*is already in use: set ${variable} `),
      );
    } finally {
      await taken.close();
    }
  });
}

test('pnpm start builds quietly, prints one banner with both URLs, the admin key and a curl line that works, and Ctrl-C exits quietly', {
  timeout: startTimeout,
}, async () => {
  const apiPort = await freePort();
  const demoPort = await freePort();
  const start = launch('pnpm', ['start'], { CREDITKIT_PORT: String(apiPort), DEMO_PORT: String(demoPort) });
  await start.printedLine(/Ctrl-C stops both\.\n/);

  const lines = start.printed.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('> '));
  const banner = lines.findIndex((line) => line.includes('Enrichment panel demo'));
  assert.deepEqual(lines.slice(0, banner), [
    'Building what the demo runs on…',
    'Starting the Credit API and the demo…',
  ]);
  const text = lines.slice(banner).join('\n');
  assert.match(text, new RegExp(`Enrichment panel demo +http://127\\.0\\.0\\.1:${demoPort}\\n`));
  assert.match(text, new RegExp(`Credit API +http://127\\.0\\.0\\.1:${apiPort} `));
  const key = /Admin secret key +(sk_\S+)/.exec(text)?.[1];
  assert.ok(key, text);
  const curl = new RegExp(`curl -H "authorization: Bearer ${key}" (http://127\\.0\\.0\\.1:${apiPort}/v1/balance)`).exec(
    text,
  );
  assert.ok(curl, text);

  // What the curl line asks, over real HTTP; and the demo serves its page.
  const balance = await fetch(curl[1], { headers: { authorization: `Bearer ${key}` } });
  assert.equal(balance.status, 200);
  assert.equal(typeof (await balance.json()).spendable, 'number');
  assert.equal((await fetch(`http://127.0.0.1:${demoPort}/`)).status, 200);

  // A terminal's Ctrl-C reaches the whole process group: pnpm, this script and both servers.
  const printedBefore = start.printed.stdout;
  process.kill(-start.child.pid, 'SIGINT');
  assert.deepEqual(await start.exited, { code: 0, signal: null });
  assert.equal(start.printed.stdout.slice(printedBefore.length).trim(), '');
  assert.equal(start.printed.stderr.trim(), '');
});
