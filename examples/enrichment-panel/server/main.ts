import { randomUUID } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCreditClient } from '@creditkit/sdk';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { findAudience, findColumn, type RunColumnRequest, records, type SessionAnswer } from '../shared/workbook';
import { openCells } from './cells';
import { runColumn } from './run-column';
import { WebhookReceiver } from './webhook-receiver';
import { loadWorkspace } from './workspace';

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'http://127.0.0.1:4010' },
    data: { type: 'string', default: '.creditkit' },
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const apiBaseUrl = values.api;
const dataDir = resolve(values.data);
const appDir = fileURLToPath(new URL('../app', import.meta.url));

const workspace = await loadWorkspace(dataDir, apiBaseUrl);
// The secret key lives here only; it never reaches a response.
const credits = createCreditClient({ baseUrl: apiBaseUrl, apiKey: workspace.secretKey });
const cells = openCells(dataDir);
const webhooks = new WebhookReceiver(credits, dataDir);

const app = new Hono();

// The demo has no sign-in: the browser says which role to try. A real host takes the user and role from its session.
app.post('/session', async (context) => {
  const body = (await context.req.json().catch(() => ({}))) as { role?: unknown };
  const role = body.role === 'member' ? 'member' : 'admin';
  const session = await credits.sessions.create({ userId: `demo-${role}`, role });
  const answer: SessionAnswer = { token: session.token, expiresAt: session.expiresAt, apiBaseUrl };
  return context.json(answer, 200, { 'cache-control': 'no-store' });
});

app.get('/workbook', (context) => context.json({ records, cells: cells.all() }));

/** Runs in progress by their key, so `POST /run-column/:runKey/stop` can stop one after its current row. */
const runningColumns = new Map<string, AbortController>();

app.post('/run-column', async (context) => {
  const body = (await context.req.json().catch(() => null)) as Partial<RunColumnRequest> | null;
  const column = typeof body?.field === 'string' ? findColumn(body.field) : undefined;
  const recordIds = Array.isArray(body?.recordIds) ? body.recordIds.filter((id) => typeof id === 'string') : [];
  const audience = typeof body?.audienceId === 'string' ? findAudience(body.audienceId) : undefined;
  const budget = typeof body?.budget === 'number' && body.budget > 0 ? body.budget : undefined;
  const trigger = body?.trigger === 'auto_update' ? body.trigger : undefined;
  if (!column || recordIds.length === 0) return context.json({ message: 'Give a column field and record ids.' }, 400);
  if (column.ai && budget === undefined) return context.json({ message: 'An AI column needs a run budget.' }, 400);
  context.header('content-type', 'application/x-ndjson');
  context.header('cache-control', 'no-store');
  return stream(context, async (output) => {
    const runKey = `run_${randomUUID()}`;
    const stop = new AbortController();
    // A browser that goes away stops its run too.
    output.onAbort(() => stop.abort());
    runningColumns.set(runKey, stop);
    try {
      await runColumn({
        runKey,
        client: credits,
        cells,
        column,
        recordIds,
        audienceId: audience?.id,
        budget,
        trigger,
        stopSignal: stop.signal,
        send: (event) => output.write(`${JSON.stringify(event)}\n`).then(() => undefined),
      });
    } finally {
      runningColumns.delete(runKey);
    }
  });
});

app.post('/run-column/:runKey/stop', (context) => {
  const run = runningColumns.get(context.req.param('runKey'));
  if (!run) return context.json({ message: 'No such run in progress.' }, 404);
  run.abort();
  return context.body(null, 202);
});

// The Credit API POSTs the workspace's events here, signed; the raw body is what the signature covers.
app.post('/webhooks/creditkit', async (context) => {
  const status = await webhooks.receive(new Uint8Array(await context.req.arrayBuffer()), context.req.raw.headers);
  return context.body(null, status as 204 | 400 | 404 | 503);
});

// What the settings page shows: the endpoint and the deliveries received (never the secret).
app.get('/webhooks', (context) => context.json(webhooks.state(), 200, { 'cache-control': 'no-store' }));

app.put('/webhooks/failing', async (context) => {
  const body = (await context.req.json().catch(() => null)) as { failing?: unknown } | null;
  if (typeof body?.failing !== 'boolean') return context.json({ message: 'Give failing: true or false.' }, 400);
  webhooks.setFailing(body.failing);
  return context.json(webhooks.state());
});

// The app runs under a strict Content-Security-Policy, as a host's should: no inline script or style, and
// the browser talks to this server and the Credit API only.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `connect-src 'self' ${new URL(apiBaseUrl).origin}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
app.use('/*', async (context, next) => {
  await next();
  context.header('content-security-policy', contentSecurityPolicy);
});
app.use('/*', serveStatic({ root: relative(process.cwd(), appDir) }));
// Client-side pages (/usage, /settings) load the same document.
app.get('/*', serveStatic({ root: relative(process.cwd(), appDir), path: 'index.html' }));

serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, async (info) => {
  // The endpoint needs the port this server got (0 picks a free one), so it is registered once listening.
  await webhooks.connect(`http://${info.address}:${info.port}/webhooks/creditkit`);
  console.log(
    `enrichment panel on http://${info.address}:${info.port} (Credit API ${apiBaseUrl}, workspace ${workspace.workspaceId})`,
  );
});
