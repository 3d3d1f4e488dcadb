import { routes } from '@creditkit/sdk/schemas';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';

let server: RunningServer;
let secretKey = '';
let workspaceId = '';

beforeAll(async () => {
  server = await startServer({ port: 0, dev: true });
  const response = await fetch(`${server.url}/v1/dev/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId: 'starter-monthly' }),
  });
  ({ secretKey, workspaceId } = (await response.json()) as { secretKey: string; workspaceId: string });
});
afterAll(() => server.close());

/** Path ids a client might send: fine ones, and ones with `/`, `..`, `%`, control characters, or nothing. */
const pathIds = fc.oneof(
  fc.constantFrom(
    'wb_1',
    'find-work-email',
    'run_1',
    'phonebook',
    '..',
    '.',
    '%2F',
    '%00',
    'a%2Fb',
    '%E2%80%8B',
    'x'.repeat(300),
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

/** Bodies: random JSON, near-misses of real bodies with bad amounts, and text that is not JSON at all. */
const amounts = fc.oneof(
  fc.double(),
  fc.constantFrom(-1, 0, 1.0005, 1e21, Number.MAX_SAFE_INTEGER, '12', '1.000,5', null),
);
const bodies = fc.oneof(
  fc.json(),
  fc.record({ credits: amounts }).map((value) => JSON.stringify(value)),
  fc.record({ enabled: fc.oneof(fc.boolean(), fc.string()), limit: amounts }).map((value) => JSON.stringify(value)),
  fc
    .record({
      actionId: fc.oneof(fc.constantFrom('find-work-email', 'ai-write-gpt-mini'), fc.string()),
      workbookId: fc.oneof(fc.constant('wb_1'), fc.string()),
      recordId: fc.string(),
      field: fc.oneof(fc.constant('email'), fc.string()),
      usage: fc.option(fc.record({ inputTokens: amounts, outputTokens: amounts })),
    })
    .map((value) => JSON.stringify(value)),
  fc.string(),
);
const queries = fc.dictionary(fc.constantFrom('limit', 'cursor', 'ids', 'groupBy', 'from', 'type'), fc.string(), {
  maxKeys: 3,
});

// The event stream never ends by design; its refusals are covered by the events tests.
const httpRoutes = routes.filter((route) => route.response !== 'text/event-stream');

describe('generated requests to every route', () => {
  it('never answer 500 and never leave the ledger unreconciled', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...httpRoutes), pathIds, bodies, queries, async (route, id, body, query) => {
        const path = route.path.replace(/\{[^}]+\}/g, () => (route.path.includes('/dev/') ? workspaceId : id));
        const url = `${server.url}${path}?${new URLSearchParams(query)}`;
        const response = await fetch(url, {
          method: route.method,
          headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
          ...(route.method === 'GET' ? {} : { body }),
        });
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        const text = await response.text();
        expect(response.status, `${route.method} ${url} ${body} → ${text}`).toBeLessThan(500);
        if (response.status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
      }),
      { numRuns: 400 },
    );
    console.log('fuzz statuses', Object.fromEntries([...seen].sort()));
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });
});
