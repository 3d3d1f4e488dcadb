import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';

/*
 * Small buckets, so a flood runs them dry however slow the machine: a bucket refills at one request a second,
 * and the flood is hundreds of requests at once. What must hold is who gets refused, not how fast anything is.
 */
const burst = 5;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dev: true,
    rateLimits: { secretKey: { perSecond: 1, burst }, session: { perSecond: 1, burst } },
  });
}, 60_000);
afterAll(() => server?.close());

interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  code: string | undefined;
}

async function send(credential: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
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
  }, 60_000);

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
  }, 60_000);

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
  }, 60_000);
});
