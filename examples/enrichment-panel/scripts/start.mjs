#!/usr/bin/env node
// `pnpm start` from the repository root: builds what running needs (JavaScript and CSS, no type declarations),
// runs the reference Credit API in dev mode and the enrichment-panel demo beside it, prints one banner with both
// addresses, the demo workspace's admin key and a curl line, and stops both quietly on Ctrl-C.
//
// The root script `exec`s this file: a shell left in between dies of Ctrl-C's SIGINT however cleanly the servers
// stop, and pnpm then reports the command as failed.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '../..');
const host = '127.0.0.1';
const dataDir = resolve(root, process.env.CREDITKIT_DATA ?? '.creditkit');
const api = { name: 'Credit API', variable: 'CREDITKIT_PORT', port: readPort('CREDITKIT_PORT', 4010) };
const demo = { name: 'demo', variable: 'DEMO_PORT', port: readPort('DEMO_PORT', 5180) };
const apiUrl = `http://${host}:${api.port}`;
const demoUrl = `http://${host}:${demo.port}`;

/** Everything started, so Ctrl-C or a failure stops it all. */
const children = new Set();
let stopping = false;

function fail(line) {
  console.error(line);
  stopAll(1);
}

function readPort(variable, fallback) {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`${variable}=${text} is not a port: give a number from 1 to 65535.`);
    process.exit(1);
  }
  return port;
}

/** The one line that says a port cannot be had, and which variable moves it. */
function portTakenLine({ name, variable, port }, code) {
  const why = code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${code})`;
  return `Port ${port} on ${host} (the ${name}) ${why}: set ${variable} to a free one, e.g. ${variable}=${port + 1} pnpm start`;
}

/** Resolves to the error code when the port cannot be listened on, or undefined when it is free. */
function probePort(port) {
  return new Promise((resolveProbe) => {
    const probe = createServer();
    probe.once('error', (error) => resolveProbe(error.code ?? 'error'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolveProbe(undefined)));
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // The API gives in-flight requests two seconds; anything still up well after that is cut.
  const force = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 8_000);
  force.unref();
  const finish = () => children.size === 0 && process.exit(code);
  for (const child of children) child.once('exit', finish);
  finish();
}

/**
 * Runs `command args` with its output held back; resolves with the match once a line matches `ready`. If it
 * exits first, rejects with what it printed. After `ready`, its lines go through with a `[name]` prefix.
 */
function run(name, command, args, ready) {
  return new Promise((resolveReady, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
    });
    children.add(child);
    const held = [];
    let isReady = false;
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        // A Ctrl-C reaches the servers too, and one may say so before this script hears of it: a server's
        // signal line ("SIGINT: finishing in-flight requests, ...") starts the same quiet stop.
        if (isReady && /^SIG[A-Z]+: /.test(line)) stopAll(0);
        if (line === '' || stopping) continue;
        if (isReady) {
          console.log(`[${name}] ${line}`);
          continue;
        }
        held.push(line);
        const match = ready?.exec(line);
        if (match) {
          isReady = true;
          resolveReady(match);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      if (!ready && code === 0) return resolveReady(held);
      if (!isReady) return reject(Object.assign(new Error(`${name} exited (${signal ?? code})`), { output: held }));
      console.error(`[${name}] exited (${signal ?? code}); stopping the rest`);
      stopAll(code || 1);
    });
  });
}

/** A server that exits before it is ready: one line if its port was taken, else what it printed. */
function explain(server, error) {
  const output = error.output ?? [];
  // The API says so in a line of its own (port_unavailable); the demo's host crashes with Node's EADDRINUSE.
  if (output.some((line) => /EADDRINUSE|is already in use/.test(line)))
    return fail(portTakenLine(server, 'EADDRINUSE'));
  console.error(output.join('\n'));
  fail(`The ${server.name} stopped before it was ready (its output is above).`);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

if (api.port === demo.port) fail(`CREDITKIT_PORT and DEMO_PORT are both ${api.port}: give them different ports.`);
for (const server of [api, demo]) {
  if (stopping) break;
  const code = await probePort(server.port);
  if (code) fail(portTakenLine(server, code));
}

if (!stopping) {
  console.log('Building what the demo runs on…');
  try {
    // Only failures are worth showing: the rest of turbo's output stays held back.
    await run('build', 'pnpm', [
      'exec',
      'turbo',
      'run',
      'build-js',
      '--filter=@creditkit/example-enrichment-panel',
      '--output-logs=errors-only',
    ]);
  } catch (error) {
    console.error((error.output ?? []).join('\n'));
    fail('The build failed (its output is above).');
  }
}

let key;
if (!stopping) {
  console.log('Starting the Credit API and the demo…');
  try {
    // The demo's own origin is allowed explicitly, so the browser reaches the API without a proxy.
    const apiArgs = ['--dev', '--data', dataDir, '--port', String(api.port), '--host', host, '--cors-origin', demoUrl];
    [, key] = await run(
      'api',
      process.execPath,
      [join(root, 'packages/server/dist/cli.js'), ...apiArgs],
      /^dev mode: demo workspace \S+, admin secret key (\S+)/,
    );
  } catch (error) {
    if (!stopping) explain(api, error);
  }
}
if (!stopping) {
  try {
    const demoArgs = ['--api', apiUrl, '--data', dataDir, '--port', String(demo.port), '--host', host];
    await run(
      'demo',
      process.execPath,
      [join(exampleDir, 'dist/server/main.js'), ...demoArgs],
      /^enrichment panel on /,
    );
  } catch (error) {
    if (!stopping) explain(demo, error);
  }
}
if (!stopping) {
  const inside = relative(process.cwd(), dataDir);
  const data = inside === '' || inside.startsWith('..') ? dataDir : inside;
  console.log(`
  Enrichment panel demo  ${demoUrl}
  Credit API             ${apiUrl}   (data in ${data}/)
  Admin secret key       ${key}

  curl -H "authorization: Bearer ${key}" ${apiUrl}/v1/balance

  Ctrl-C stops both.
`);
}
