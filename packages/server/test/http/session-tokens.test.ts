import { createHmac } from 'node:crypto';
import { type CreditEvent, createCreditClient } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WeakSessionSecretError } from '../../src/http/session-secret';
import { type RunningServer, startServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { waitTimeoutMs } from '../support/timeouts';

const secret = 'a-test-session-secret-of-at-least-32-bytes';
/** The server's clock, moved by the tests: a token's hour passes without waiting an hour. */
let clock = Date.now();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, dev: true, sessionSecret: secret, now: () => new Date(clock) });
});
afterAll(() => server?.close());

/** A token signed with the server's own secret, with whatever claims a forger would like. */
function signedToken(claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `st_${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

async function balanceStatus(token: string): Promise<number> {
  const response = await fetch(`${server.url}/v1/balance`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

describe('Session secrets', () => {
  it.each([
    ['empty', ''],
    ['one character', 'x'],
    ['31 bytes', 'x'.repeat(31)],
    // How 11 bytes that are not UTF-8 reach the process: 33 bytes once encoded, and the same for any 11.
    ['not-UTF-8', '\ufffd'.repeat(11)],
  ])('a server given a %s secret refuses to start', async (_, sessionSecret) => {
    await expect(startServer({ port: 0, sessionSecret })).rejects.toBeInstanceOf(WeakSessionSecretError);
  });

  it('CREDITKIT_SESSION_SECRET="" is refused too, with a message that says what is needed', async () => {
    vi.stubEnv('CREDITKIT_SESSION_SECRET', '');
    try {
      await expect(startServer({ port: 0 })).rejects.toThrow(/has 0 bytes; it needs at least 32/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('Session tokens', () => {
  it('a token the server minted works; one claiming more than an hour is refused, whatever its signature', async () => {
    const { workspaceId, client } = await createDevWorkspace(server.url);
    const { token } = await client.sessions.create({ userId: 'u_1', role: 'admin' });
    expect(await balanceStatus(token)).toBe(200);

    const now = Math.floor(clock / 1000);
    const claims = { ws: workspaceId, sub: 'u_1', role: 'admin' };
    expect(await balanceStatus(signedToken({ ...claims, iat: now, exp: now + 3600 }))).toBe(200);
    expect(await balanceStatus(signedToken({ ...claims, iat: now, exp: now + 3601 }))).toBe(401);
    expect(await balanceStatus(signedToken({ ...claims, iat: now + 86_400, exp: now + 86_400 + 600 }))).toBe(401);
    expect(await balanceStatus(signedToken({ ...claims, iat: now - 86_400, exp: now + 365 * 86_400 }))).toBe(401);
    expect(await balanceStatus(signedToken({ ...claims, exp: now + 600 }))).toBe(401);
  });

  it('one spelling per signature: a look-alike with the unused bits of its last character set is refused', async () => {
    const { workspaceId } = await createDevWorkspace(server.url);
    const now = Math.floor(clock / 1000);
    const token = signedToken({ ws: workspaceId, sub: 'u_1', role: 'admin', iat: now, exp: now + 600 });
    expect(await balanceStatus(token)).toBe(200);
    // 32 bytes are 43 base64url characters; the last carries 4 bits and 2 that must be zero.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.slice(-1));
    const twin = `${token.slice(0, -1)}${alphabet[last | 1]}`;
    expect(twin).not.toBe(token);
    expect(await balanceStatus(twin)).toBe(401);
  });

  it('an event stream ends when its token expires, and the SDK goes on with a fresh token, missing nothing', async () => {
    const { client: admin } = await createDevWorkspace(server.url);
    let minted = 0;
    const browser = createCreditClient({
      baseUrl: server.url,
      token: async () => {
        minted += 1;
        return (await admin.sessions.create({ userId: 'u_1', role: 'member', expiresIn: 60 })).token;
      },
    });
    const received: CreditEvent[] = [];
    let opened = 0;
    const unsubscribe = browser.events.subscribe((event) => received.push(event), { onOpen: () => opened++ });
    try {
      await vi.waitFor(() => expect(opened).toBe(1), { timeout: waitTimeoutMs, interval: 20 });
      clock += 61_000;
      // The server ends the expired stream; the SDK reconnects, is refused the old token, and asks for another.
      await vi.waitFor(() => expect(opened).toBe(2), { timeout: waitTimeoutMs, interval: 20 });
      expect(minted).toBe(2);
      await admin.charges.create({ actionId: 'find-work-email', workbookId: 'wb_1', recordId: 'r_1', field: 'email' });
      await vi.waitFor(() => expect(received.map((event) => event.type)).toContain('balance.updated'), {
        timeout: waitTimeoutMs,
        interval: 20,
      });
    } finally {
      unsubscribe();
    }
  });
});
