import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';

/*
 * Small buckets, so a flood runs them dry however slow the machine: a bucket refills at one request a second,
 * and the flood is hundreds of requests at once. What must hold is who gets refused, not how fast anything is.
 */
const burst = 5;
const small = { perSecond: 1, burst };
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, dev: true, rateLimits: { workspace: null, secretKey: small, session: small } });
});
afterAll(() => server?.close());

/** A second server for one test, closed after it. */
async function withServer(options: Parameters<typeof startServer>[0], test: (other: RunningServer) => Promise<void>) {
  const other = await startServer(options);
  try {
    await test(other);
  } finally {
    await other.close();
  }
}

interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  code: string | undefined;
}

async function send(credential: string, path: string, init: RequestInit = {}, url = server.url): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = (await response.json()) as { code?: string };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type'),
    code: body.code,
  };
}

/** Idempotency-keyed charges, each new: the flood that raised another tenant's latency before limits. */
const keyedCharge = (credential: string, index: number) =>
  send(credential, '/v1/charges', {
    method: 'POST',
    headers: { 'idempotency-key': `flood-${index}` },
    body: JSON.stringify({ actionId: 'verify-email', workbookId: 'wb', recordId: `r${index}`, field: 'status' }),
  });

describe('Per-credential rate limits', () => {
  it("one workspace's flood is answered 429 with Retry-After while another workspace's requests all succeed", async () => {
    const flooding = await createDevWorkspace(server.url);
    const quiet = await createDevWorkspace(server.url);
    const [flood, calm] = await Promise.all([
      Promise.all(Array.from({ length: 300 }, (_, index) => keyedCharge(flooding.secretKey, index))),
      Promise.all(Array.from({ length: burst }, () => send(quiet.secretKey, '/v1/balance'))),
    ]);

    expect(calm.map((answer) => answer.status)).toEqual(Array.from({ length: burst }, () => 200));
    const refused = flood.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(flood.filter((answer) => answer.status !== 429 && answer.status !== 201)).toEqual([]);
    for (const answer of refused) {
      expect(answer).toMatchObject({ code: 'rate_limited', contentType: 'application/problem+json' });
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
  });

  it("a user's session tokens share one bucket; another user of the same workspace is not held back", async () => {
    const { client } = await createDevWorkspace(server.url);
    const { token: first } = await client.sessions.create({ userId: 'u_flood', role: 'member' });
    const { token: again } = await client.sessions.create({ userId: 'u_flood', role: 'member' });
    const { token: other } = await client.sessions.create({ userId: 'u_other', role: 'member' });
    const [flood, calm] = await Promise.all([
      Promise.all(Array.from({ length: 200 }, (_, index) => send(index % 2 ? first : again, '/v1/balance'))),
      Promise.all(Array.from({ length: burst }, () => send(other, '/v1/balance'))),
    ]);
    expect(calm.map((answer) => answer.status)).toEqual(Array.from({ length: burst }, () => 200));
    expect(flood.filter((answer) => answer.status === 429).length).toBeGreaterThan(0);
  });

  it('a workspace whose secret key mints a token per user still gets no more than its own share', async () => {
    // The workspace's bucket refills too slowly to matter however long the flood takes on a slow machine.
    const limits = {
      workspace: { perSecond: 0.001, burst: 20 },
      secretKey: null,
      session: { perSecond: 1, burst: 10 },
    };
    await withServer({ port: 0, dev: true, rateLimits: limits }, async (other) => {
      const flooding = await createDevWorkspace(other.url);
      const quiet = await createDevWorkspace(other.url);
      const tokens = await Promise.all(
        Array.from({ length: 30 }, async (_, index) => {
          const response = await fetch(`${other.url}/v1/sessions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${flooding.secretKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ userId: `u_${index}`, role: 'member' }),
          });
          return response.status === 201 ? ((await response.json()) as { token: string }).token : null;
        }),
      );
      const users = tokens.filter((token): token is string => token !== null);
      const [flood, calm] = await Promise.all([
        Promise.all(users.flatMap((token) => [1, 2, 3].map(() => send(token, '/v1/balance', {}, other.url)))),
        Promise.all(Array.from({ length: burst }, () => send(quiet.secretKey, '/v1/balance', {}, other.url))),
      ]);
      expect(calm.map((answer) => answer.status)).toEqual(Array.from({ length: burst }, () => 200));
      // 30 users × 3 requests is far within each user's bucket, but not within the workspace's 20.
      expect(flood.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(20);
      expect(flood.filter((answer) => answer.status === 429).length).toBeGreaterThan(0);
    });
  });

  it('made-up secret keys are held to a few database lookups per client, while known keys go on', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    expect((await send(secretKey, '/v1/balance')).status).toBe(200);
    const madeUp = await Promise.all(
      Array.from({ length: 200 }, (_, index) => send(`sk_made_up_${index}`, '/v1/balance')),
    );
    const statuses = new Set(madeUp.map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([401, 429]);
    expect(madeUp.filter((answer) => answer.status === 401).length).toBeLessThan(200);
    expect((await send(secretKey, '/v1/balance')).status).toBe(200);
  });

  it('dev mode has none unless asked for', async () => {
    const dev = await startServer({ port: 0, dev: true });
    try {
      const { secretKey } = await createDevWorkspace(dev.url);
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${dev.url}/v1/balance`, { headers: { authorization: `Bearer ${secretKey}` } }),
        ),
      );
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    } finally {
      await dev.close();
    }
  });
});
