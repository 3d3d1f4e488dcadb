import { type RouteContract, routes } from '@creditkit/sdk/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from './dev-workspace';

/*
 * Generated requests to every route, with text from all of Unicode (lone surrogates, NUL, bidi controls,
 * emoji, combining marks) in every string field, path id, query value and header. Shared by the PGlite run
 * (test/http/) and the PostgreSQL run (test/postgres/): the two databases refuse different bytes, and
 * neither may turn a request into a 500.
 */

/** Text that has broken servers: unpaired surrogates, NUL, bidi overrides, zero-width and composed characters. */
const awkwardText = fc.constantFrom(
  '\ud800',
  '\udfff',
  'wb_\ud83d',
  '\ude00_rec',
  'a\u0000b',
  '\u0000',
  '\u202egnp.exe',
  '\u2066wb\u2069',
  'wb\u200b1',
  '\ufeffwb',
  '\uffff',
  'e\u0301',
  '😀',
  '👩‍👩‍👧‍👦',
  '=1+1',
  "'x",
);

/** Any text: the awkward cases alone, next to an ordinary id, or anything fast-check draws from all code points. */
export const anyText = fc.oneof(
  awkwardText,
  fc.tuple(fc.constantFrom('wb_', 'rec_', 'x'), awkwardText).map(([start, rest]) => start + rest),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

/** UTF-8, except that an unpaired surrogate becomes the 3 bytes a careless encoder writes for it. */
function looseUtf8(text: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes.push(...Buffer.from(text.slice(index, index + 2), 'utf8'));
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    } else {
      bytes.push(...Buffer.from(text[index] ?? '', 'utf8'));
    }
  }
  return bytes;
}

/** Percent-encodes every byte, so a path or query value carries exactly the bytes `looseUtf8` gives. */
export const percentEncoded = (text: string) =>
  looseUtf8(text)
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');

/**
 * A header value with the bytes of `text`. HTTP carries no control character in a header (fetch and Node's
 * parser refuse them before any route runs), so those are left out; every other byte goes as it is.
 */
export const headerValue = (text: string) =>
  String.fromCharCode(...looseUtf8(text).filter((byte) => byte >= 0x20 && byte !== 0x7f));

const amounts = fc.oneof(
  fc.double(),
  fc.integer({ min: 0, max: 1_000_000_000 }).map((thousandths) => thousandths / 1000),
  fc.constantFrom(-1, 0, 1.0005, 1e21, Number.MAX_SAFE_INTEGER, '12', '1.000,5', null),
);
const tokens = fc.oneof(fc.nat({ max: 20_000_000 }), fc.constantFrom(-1, 1.5, 1e300, '5'));
const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 });

/**
 * Valid bodies of each route (ids drawn fresh, so charges and runs really get written), which the generator
 * then spoils in one place: one field's value becomes any text (or any JSON).
 */
const validBodies: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  createSession: fc.record({ userId: fc.uuid(), role: fc.constantFrom('admin', 'member') }),
  changePlan: fc.record({ planId: fc.constantFrom('pro-monthly', 'free', 'starter-annual') }),
  createPurchase: fc.record({ credits: amounts }),
  createAiEstimate: fc.record(
    {
      model: fc.constantFrom('gpt-mini', 'claude-haiku'),
      rows: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(0, 1e300)),
      inputTokens: tokens,
      prompt: fc.string({ unit: 'binary', maxLength: 40 }),
      outputTokens: tokens,
    },
    { requiredKeys: ['model', 'rows', 'outputTokens'] },
  ),
  createAiRun: fc.record(
    {
      runId: fc.uuid(),
      workbookId: fc.constant('wb_1'),
      enrichmentId: fc.constant('enr_1'),
      model: fc.constant('gpt-mini'),
      budget: amounts,
    },
    { requiredKeys: ['runId', 'workbookId', 'budget'] },
  ),
  createCharge: fc.record(
    {
      actionId: fc.constantFrom('find-work-email', 'verify-email', 'ai-write-gpt-mini'),
      workbookId: fc.constantFrom('wb_1', 'wb_2'),
      recordId: fc.uuid(),
      field: fc.constant('email'),
      enrichmentId: fc.constant('enr_1'),
      audienceId: fc.constant('aud_1'),
      runId: fc.constant('run_1'),
      usage: fc.record({ inputTokens: tokens, outputTokens: tokens }),
    },
    { requiredKeys: ['actionId', 'workbookId', 'recordId', 'field'] },
  ),
  createQuote: fc.record(
    {
      actionId: fc.constantFrom('find-work-email', 'ai-write-gpt-mini'),
      workbookId: fc.constantFrom('wb_1', 'wb_2'),
      field: fc.constant('email'),
      recordIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 5 }),
      enrichmentId: fc.constant('enr_1'),
      runId: fc.constant('run_1'),
      trigger: fc.constantFrom('run', 'rerun', 'auto_update'),
      usage: fc.record(
        { inputTokens: tokens, prompt: fc.string({ unit: 'binary', maxLength: 40 }), outputTokens: tokens },
        { requiredKeys: ['outputTokens'] },
      ),
    },
    { requiredKeys: ['actionId', 'workbookId', 'field', 'recordIds'] },
  ),
  refundCharge: fc.record({ reason: fc.constant('provider found nothing') }),
  updateWorkbookSpendLimit: fc.record({ enabled: fc.boolean(), limit: amounts }),
  updateEnrichmentSpendLimit: fc.record({ enabled: fc.boolean(), limit: amounts }),
  setIntegrationKey: fc.record({ apiKey: fc.constant('key_12345678') }),
  createDevWorkspace: fc.record({ planId: fc.constantFrom('starter-monthly', 'free') }),
};

/** A value as text; records may have no prototype, so no `String()`. */
const ownText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** `body` with one field's value replaced: by any text, its own value followed by any text, or any JSON. */
function spoilOneField(body: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(body);
  if (keys.length === 0) return fc.constant(body);
  return fc
    .constantFrom(...keys)
    .chain((key) =>
      fc
        .oneof(
          { weight: 3, arbitrary: anyText },
          { weight: 2, arbitrary: anyText.map((text) => `${ownText(body[key])}${text}`) },
          { weight: 1, arbitrary: anyJson },
        )
        .map((value) => ({ ...body, [key]: value })),
    );
}

/** Any JSON at all, its strings from all of Unicode, and text that is not JSON. */
const strangeBodies = fc.oneof(
  anyJson.map((value) => JSON.stringify(value)),
  anyText,
);

function bodyFor(route: RouteContract): fc.Arbitrary<string> {
  const valid = validBodies[route.operationId];
  if (!valid) return strangeBodies;
  // JSON.stringify writes an unpaired surrogate as a \u escape, so it reaches the server as it was drawn.
  return fc.oneof(
    { weight: 4, arbitrary: valid.chain(spoilOneField).map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: valid.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: strangeBodies },
  );
}

const queryNames = ['limit', 'cursor', 'ids', 'groupBy', 'from', 'to', 'workbookId', 'type'] as const;
const queryValues = fc.oneof(
  fc.constantFrom('10', 'day', 'workbook', '2026-01-01', 'wb_1', 'find-work-email,verify-email', 'MQ', 'charge'),
  anyText,
  fc.tuple(fc.constantFrom('find-work-email,', '2026-01-0', 'wb_'), anyText).map(([start, rest]) => start + rest),
);
const queries = fc.dictionary(fc.constantFrom(...queryNames), queryValues, { maxKeys: 3 });
const idempotencyKeys = fc.option(fc.oneof(fc.uuid(), anyText.map(headerValue)), { nil: undefined });

export interface GeneratedRequestTarget {
  server: RunningServer;
  workspaceId: string;
  secretKey: string;
  /** Ids that exist in the workspace by path placeholder, so generated paths reach stored rows too. */
  knownIds: Record<string, readonly string[]>;
}

/** A dev workspace with charges to refund and a run, for generated requests to find. */
export async function generatedRequestTarget(server: RunningServer): Promise<GeneratedRequestTarget> {
  const { workspaceId, secretKey, client } = await createDevWorkspace(server.url);
  const chargeIds: string[] = [];
  for (let record = 1; record <= 40; record++) {
    const charge = await client.charges.create({
      actionId: 'verify-email',
      workbookId: 'wb_1',
      recordId: `rec_${record}`,
      field: 'email',
    });
    chargeIds.push(charge.id);
  }
  await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_1', budget: 10 });
  return {
    server,
    workspaceId,
    secretKey,
    knownIds: {
      chargeId: chargeIds,
      runId: ['run_1'],
      workbookId: ['wb_1'],
      enrichmentId: ['enr_1'],
      actionId: ['find-work-email', 'ai-write-gpt-mini'],
      provider: ['phonebook', 'openai'],
      workspaceId: [workspaceId],
    },
  };
}

// The event stream never ends by design; its resume point is generated on its own below.
const httpRoutes = routes.filter((route) => route.response !== 'text/event-stream');

/**
 * Sends `numRuns` generated requests; each must be answered below 500, every refusal as problem+json, and
 * the ledger must reconcile afterwards.
 */
async function checkGeneratedRequests(target: GeneratedRequestTarget, numRuns: number): Promise<void> {
  const { server, workspaceId, secretKey, knownIds } = target;
  const pathIds = (placeholder: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(knownIds[placeholder] ?? ['x'])).map(encodeURIComponent) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '..',
          '.',
          '%2F',
          '%00',
          'a%2Fb',
          '%E2%80%8B',
          '%ED%A0%80',
          '%C0%AE',
          'x'.repeat(300),
        ),
      },
      { weight: 2, arbitrary: anyText.map(percentEncoded) },
    );
  const request = fc.constantFrom(...httpRoutes).chain((route) => {
    const placeholder = /\{([^}]+)\}/.exec(route.path)?.[1] ?? '';
    return fc.record({
      // By its name, so a counterexample prints the route and not its schemas.
      operationId: fc.constant(route.operationId),
      id: pathIds(placeholder),
      body: bodyFor(route),
      query: queries,
      key: idempotencyKeys,
    });
  });
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async ({ operationId, id, body, query, key }) => {
      const route = httpRoutes.find((candidate) => candidate.operationId === operationId) as RouteContract;
      const path = route.path.replace(/\{[^}]+\}/, id);
      const search = Object.entries(query)
        .map(([name, value]) => `${name}=${percentEncoded(value)}`)
        .join('&');
      const url = `${server.url}${path}?${search}`;
      const headers: Record<string, string> = {
        authorization: `Bearer ${secretKey}`,
        'content-type': 'application/json',
      };
      if (key !== undefined && route.method !== 'GET') headers['idempotency-key'] = key;
      const response = await fetch(url, {
        method: route.method,
        headers,
        ...(route.method === 'GET' ? {} : { body }),
      });
      seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
      const text = await response.text();
      expect(response.status, `${route.method} ${url} ${JSON.stringify(key)} ${body} → ${text}`).toBeLessThan(500);
      if (response.status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
    }),
    { numRuns },
  );
  console.log(`generated requests on ${server.db.kind}: statuses`, Object.fromEntries([...seen].sort()));
  expect(await reconcile(server.db, workspaceId)).toEqual([]);
}

/** Resuming the event stream from any header or query value: an event id it sent, or a 400, never a 500. */
async function checkGeneratedResumePoints(target: GeneratedRequestTarget, numRuns: number): Promise<void> {
  const { server, secretKey } = target;
  await fc.assert(
    fc.asyncProperty(
      fc.option(fc.oneof(fc.constantFrom('0', '1', '99999999999999999999'), anyText.map(headerValue))),
      fc.option(anyText),
      async (header, query) => {
        const stop = new AbortController();
        const response = await fetch(
          `${server.url}/v1/events${query === null ? '' : `?lastEventId=${percentEncoded(query)}`}`,
          {
            headers: { authorization: `Bearer ${secretKey}`, ...(header === null ? {} : { 'last-event-id': header }) },
            signal: stop.signal,
          },
        );
        try {
          expect(response.status, `${JSON.stringify(header)} ${JSON.stringify(query)}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toContain('application/problem+json');
            await response.text();
          }
        } finally {
          stop.abort();
        }
      },
    ),
    { numRuns },
  );
}

/**
 * The reported cases, each a 400 `validation_failed` that names the field: text the database cannot store
 * as it is (an unpaired surrogate, a NUL) in an id, a refund's reason and an own key.
 */
async function checkUnstorableTextIsRefused(target: GeneratedRequestTarget): Promise<void> {
  const { server, secretKey, knownIds } = target;
  const refunded = knownIds.chargeId?.[0];
  const send = (method: string, path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body,
    });
  const charge = (field: string, value: string) =>
    `{"actionId":"find-work-email","workbookId":"wb_2","recordId":"rec_2","field":"email","${field}":"${value}"}`;
  const cases: [string, string, string, string][] = [
    ['POST', '/v1/charges', charge('recordId', '\\ud800'), 'recordId'],
    ['POST', '/v1/charges', charge('recordId', 'rec_\\udc00'), 'recordId'],
    ['POST', '/v1/charges', charge('workbookId', '\\ud800'), 'workbookId'],
    ['POST', '/v1/charges', charge('field', 'email\\ud83d'), 'field'],
    ['POST', `/v1/charges/${refunded}/refund`, '{"reason":"a\\u0000b"}', 'reason'],
    ['POST', `/v1/charges/${refunded}/refund`, '{"reason":"no data \\ud800"}', 'reason'],
    ['PUT', '/v1/integrations/phonebook/key', '{"apiKey":"key_1234\\u0000"}', 'apiKey'],
    ['PUT', '/v1/integrations/phonebook/key', '{"apiKey":"key_1234\\udfff"}', 'apiKey'],
    ['POST', '/v1/sessions', '{"userId":"user_\\ud800","role":"member"}', 'userId'],
  ];
  for (const [method, path, body, field] of cases) {
    const response = await send(method, path, body);
    const problem = (await response.json()) as { code: string; details?: { issues: { path: string[] }[] } };
    expect({ status: response.status, code: problem.code }, `${method} ${path} ${body}`).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    expect(problem.details?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  }
  // The charge the refunds named is untouched, and nothing was charged on the refused requests.
  const read = async <T>(path: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secretKey}` } })).json()) as T;
  expect((await read<{ status: string }>(`/v1/charges/${refunded}`)).status).toBe('charged');
  expect((await read<{ totals: { charges: number } }>('/v1/usage?groupBy=workbook')).totals.charges).toBe(40);
  const integrations = await read<{ data: { ownKey: boolean }[] }>('/v1/integrations');
  expect(integrations.data.filter((integration) => integration.ownKey)).toEqual([]);
  expect(await reconcile(server.db, target.workspaceId)).toEqual([]);
}

/** Text the API accepts comes back exactly as it was sent: emoji, bidi controls and an own key's last 4 characters. */
async function checkStoredTextComesBackWhole(target: GeneratedRequestTarget): Promise<void> {
  const { server, secretKey } = target;
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  const ids = { workbookId: '\u202ewb_1\u2069', recordId: '👩‍👩‍👧‍👦_rec', field: 'e\u0301mail' };
  const charge = await send('POST', '/v1/charges', { actionId: 'verify-email', ...ids });
  expect(charge).toMatchObject(ids);
  const reason = 'no data for 😀 \u202eeman';
  expect(await send('POST', `/v1/charges/${String(charge.id)}/refund`, { reason })).toMatchObject({
    refundReason: reason,
  });
  const key = await send('PUT', '/v1/integrations/openai/key', { apiKey: 'key_1234😀abc' });
  expect(key.keyLast4).toBe('😀abc');
  await send('DELETE', '/v1/integrations/openai/key', undefined);
}

/** The generated-request tests, on the server `target()` gives once its `beforeAll` has run. */
export function describeGeneratedRequests(database: string, target: () => GeneratedRequestTarget): void {
  describe(`generated requests on ${database}`, () => {
    it('refuse text the database cannot store with a 400 naming the field', async () => {
      await checkUnstorableTextIsRefused(target());
    });

    it('keep the text they accept whole', async () => {
      await checkStoredTextComesBackWhole(target());
    });

    it('never answer 500 and never leave the ledger unreconciled, whatever the text', async () => {
      await checkGeneratedRequests(target(), 1000);
    });

    it('resume the event stream from an id it sent or answer 400', async () => {
      await checkGeneratedResumePoints(target(), 100);
    });
  });
}
