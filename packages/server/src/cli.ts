#!/usr/bin/env node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RateLimits } from './http/env';
import type { BucketSize } from './http/token-buckets';
import { startServer } from './server';
import { createWorkspace } from './store/workspaces';

const usage = `creditkit-server: the reference Credit API

  --port <n>               port (default 4010)
  --host <host>            interface (default 127.0.0.1)
  --data <folder>          PGlite data folder (default .creditkit/)
  --memory                 PGlite in memory: nothing survives a restart
  --database-url <url>     PostgreSQL instead of PGlite (or DATABASE_URL)
  --dev                    dev routes on, and a demo workspace whose admin secret key is printed
  --renewal-delay <time>   how long renewed credits take to appear, e.g. 90m or 2h (default 0)
  --cors-origin <origin>   let browsers on this origin call the API (dev mode allows localhost)
  --workspace-rate-limit <n[/burst]>  requests a second per workspace, all credentials (default 300/600; 0: none)
  --rate-limit <n[/burst]>          requests a second per workspace secret key (default 200/400; 0: none)
  --session-rate-limit <n[/burst]>  requests a second per user's session tokens (default 20/60; 0: none)
                           (dev mode has no rate limits unless these are given)
  --drain-delay <time>     on SIGTERM, go on taking connections this long while /readyz answers 503, so a
                           balancer stops sending first, e.g. 10s (default 0; a second SIGTERM ends it)
  --drain-timeout <time>   then how long requests in flight have to finish before they are cut (default 30s)
  --help

Environment: DATABASE_URL; CREDITKIT_SESSION_SECRET, the secret that signs session tokens and seals webhook
signing secrets (at least 32 bytes, the same on every server of a deployment; without it one is generated, and
kept in the data folder).
Health checks for a balancer: GET /healthz (the process answers), GET /readyz (ready for requests; 503 while
draining or when the database does not answer).`;

/** `90m`, `2h`, `30s` or plain milliseconds. */
function parseDuration(option: string, text: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`${option}: cannot read "${text}" (try 30s, 90m or 2h)`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

/** `100` or `100/300`: requests a second and the burst (twice the rate when omitted); `0` for no limit. */
function parseBucket(option: string, text: string | undefined): BucketSize | null | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`${option}: cannot read "${text}" (try 100 or 100/300)`);
  const perSecond = Number(match[1]);
  if (perSecond === 0) return null;
  const burst = match[2] === undefined ? 2 * perSecond : Number(match[2]);
  if (burst < 1) throw new Error(`${option}: the burst must be at least 1`);
  return { perSecond, burst };
}

/** A flag's limit as an option: absent when the flag was not given, so the server's default applies. */
const given = (kind: keyof RateLimits, size: BucketSize | null | undefined) =>
  size === undefined ? {} : { [kind]: size };

/** Dev mode keeps its demo workspace's key beside the data, so a restart prints the same key. */
async function demoWorkspace(
  dataDir: string | undefined,
  create: () => Promise<{ workspaceId: string; secretKey: string }>,
) {
  const file = dataDir === undefined ? undefined : join(dataDir, 'demo-workspace.json');
  if (file && existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { workspaceId: string; secretKey: string };
  const demo = await create();
  if (file) writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      memory: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      dev: { type: 'boolean', default: false },
      'renewal-delay': { type: 'string', default: '0' },
      'cors-origin': { type: 'string' },
      'workspace-rate-limit': { type: 'string' },
      'rate-limit': { type: 'string' },
      'session-rate-limit': { type: 'string' },
      'drain-delay': { type: 'string', default: '0' },
      'drain-timeout': { type: 'string', default: '30s' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(usage);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  const dataDir = databaseUrl || values.memory ? undefined : resolve(values.data ?? '.creditkit');
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  const drain = {
    delayMs: parseDuration('--drain-delay', values['drain-delay']),
    timeoutMs: parseDuration('--drain-timeout', values['drain-timeout']),
  };
  const server = await startServer({
    port: Number(values.port),
    host: values.host,
    ...(dataDir && { dataDir }),
    ...(databaseUrl && { databaseUrl }),
    dev: values.dev,
    renewalDelayMs: parseDuration('--renewal-delay', values['renewal-delay']),
    ...(values['cors-origin'] && { corsOrigin: values['cors-origin'] }),
    rateLimits: {
      ...given('workspace', parseBucket('--workspace-rate-limit', values['workspace-rate-limit'])),
      ...given('secretKey', parseBucket('--rate-limit', values['rate-limit'])),
      ...given('session', parseBucket('--session-rate-limit', values['session-rate-limit'])),
    },
    drain,
  });
  const storage = databaseUrl ? 'PostgreSQL' : (dataDir ?? 'memory');
  console.log(`creditkit Credit API listening on ${server.url} (storage: ${storage})`);
  if (values.dev) {
    const demo = await demoWorkspace(dataDir, () => createWorkspace(server.db, 'pro-monthly', new Date()));
    console.log(`dev mode: demo workspace ${demo.workspaceId}, admin secret key ${demo.secretKey}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal: the balancer has had its time (or there is none), so stop taking connections now.
      console.log(`${signal}: ending the drain delay`);
      void server.close();
      return;
    }
    stopping = true;
    console.log(
      `${signal}: draining (/readyz answers 503); taking connections for ${drain.delayMs / 1000} s more, then ` +
        `finishing in-flight requests within ${drain.timeoutMs / 1000} s and closing the database`,
    );
    // Whatever hangs past the drain (a database that never answers), the process still ends, and says so.
    setTimeout(
      () => {
        console.error(`${signal}: still not closed ${(drain.timeoutMs + 10_000) / 1000} s after the drain delay`);
        process.exit(1);
      },
      drain.delayMs + drain.timeoutMs + 10_000,
    ).unref();
    server.close().then(
      () => {
        console.log(`${signal}: drained and closed`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`${signal}: closing failed:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
