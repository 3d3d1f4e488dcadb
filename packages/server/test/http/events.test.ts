import type { CreditEvent, createCreditClient } from '@creditkit/sdk';
import { balance, charge, creditEvent, limitDetails } from '@creditkit/sdk/schemas';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../../src/http/env';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';
import { waitTimeoutMs } from '../support/timeouts';

/** A dev server whose event streams can be tuned, and fresh workspaces on it. */
async function startApi(eventStream: ServerOptions['eventStream'] = {}) {
  const server = await startTestServer({ eventStream });
  return { url: server.url, newWorkspace: () => createDevWorkspace(server.url), close: () => server.close() };
}

function waitFor(check: () => boolean, what: string, timeout = waitTimeoutMs): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeout) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

/** Whatever is still open when a test ends (a failed assertion skips its clean-up). */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An SDK subscription that collects its events. */
async function subscribe(client: ReturnType<typeof createCreditClient>) {
  const received: CreditEvent[] = [];
  const errors: unknown[] = [];
  let opened = false;
  const unsubscribe = client.events.subscribe((event) => received.push(event), {
    onOpen: () => {
      opened = true;
    },
    onError: (error) => errors.push(error),
  });
  cleanups.push(unsubscribe);
  await waitFor(() => opened, 'the stream to open');
  return { received, errors, unsubscribe };
}

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A raw `GET /v1/events`, read as frames, for what the SDK does not show: headers, ids, comments. */
async function openRaw(url: string, secretKey: string, headers: Record<string, string> = {}, query = '') {
  const controller = new AbortController();
  cleanups.push(() => controller.abort());
  const response = await fetch(`${url}/v1/events${query}`, {
    headers: { authorization: `Bearer ${secretKey}`, ...headers },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const frames = () =>
    text
      .split('\n\n')
      .slice(0, -1)
      .map((block) => {
        const frame: Frame = {};
        for (const line of block.split('\n')) {
          const [, field = '', value = ''] = /^([^:]*):\s?(.*)$/.exec(line) ?? [];
          if (field === '') frame.comment = value;
          else if (field === 'id' || field === 'event' || field === 'data') frame[field] = value;
        }
        return frame;
      });
  return {
    response,
    frames,
    events: () => frames().filter((frame) => frame.data !== undefined),
    async readUntil(check: (frames: Frame[]) => boolean, timeout = waitTimeoutMs) {
      const deadline = Date.now() + timeout;
      while (!check(frames())) {
        if (!reader) throw new Error('The response has no body.');
        const timer = new Promise<'timeout'>((resolve) =>
          setTimeout(resolve, Math.max(0, deadline - Date.now()), 'timeout'),
        );
        const chunk = await Promise.race([reader.read(), timer]);
        if (chunk === 'timeout') throw new Error(`Timed out; the stream so far: ${JSON.stringify(text)}`);
        if (chunk.done) throw new Error(`The stream ended; it said: ${JSON.stringify(text)}`);
        text += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

const emailOf = (recordId: string, workbookId = 'wb_1') => ({
  actionId: 'find-work-email',
  workbookId,
  recordId,
  field: 'email',
});

describe('GET /v1/events', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('delivers balance.updated to an SDK subscriber after a charge, and no earlier history', async () => {
    const { client } = await api.newWorkspace();
    await client.charges.create(emailOf('rec_before'));
    const { received, errors } = await subscribe(client);

    await client.charges.create(emailOf('rec_1'));
    await waitFor(() => received.length === 1, 'balance.updated');

    const [event] = received;
    expect(event?.type).toBe('balance.updated');
    expect(balance.safeParse(event?.data).success).toBe(true);
    expect(event?.data).toMatchObject({ spendable: 1998, allowance: 2000 });
    expect(event?.id).toMatch(/^\d+$/);
    expect(errors).toEqual([]);
  });

  it('answers as an event stream, uncached, each event framed with its id, type and contract envelope', async () => {
    const { client, secretKey } = await api.newWorkspace();
    const stream = await openRaw(api.url, secretKey);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.response.headers.get('cache-control')).toBe('no-cache');
    expect(stream.response.headers.get('x-request-id')).toMatch(/^req_/);

    await client.charges.create(emailOf('rec_1'));
    await stream.readUntil((frames) => frames.some((frame) => frame.data !== undefined));
    const [frame] = stream.events();
    expect(frame?.event).toBe('balance.updated');
    const envelope = creditEvent.parse(JSON.parse(frame?.data ?? ''));
    expect(envelope).toMatchObject({ id: frame?.id, type: 'balance.updated', data: { spendable: 1999 } });
    expect(new Date(envelope.createdAt).toISOString()).toBe(envelope.createdAt);
  });

  it('R9: opening a run announces the balance less its budget, completing it the unspent budget back', async () => {
    const { client } = await api.newWorkspace();
    const { received } = await subscribe(client);

    await client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_1', model: 'gpt-mini', budget: 50 });
    await waitFor(() => received.length === 1, 'balance.updated after opening the run');
    expect(received[0]).toMatchObject({ type: 'balance.updated', data: { spendable: 1950 } });

    await client.ai.runs.complete('run_1');
    await waitFor(() => received.length === 2, 'balance.updated after completing the run');
    expect(received[1]).toMatchObject({ type: 'balance.updated', data: { spendable: 2000 } });

    // Completing again releases nothing more, and says nothing.
    await client.ai.runs.complete('run_1');
    await client.charges.create(emailOf('rec_after'));
    await waitFor(() => received.length === 3, 'balance.updated after a charge');
    expect(received.map((event) => event.type)).toEqual(['balance.updated', 'balance.updated', 'balance.updated']);
    expect(received[2]?.data).toMatchObject({ spendable: 1999 });
  });

  it('R15: a refund sends charge.refunded with the refunded charge, then the new balance', async () => {
    const { client } = await api.newWorkspace();
    const made = await client.charges.create(emailOf('rec_1'));
    const { received } = await subscribe(client);

    await client.charges.refund(made.id, { reason: 'bounced' });
    await waitFor(() => received.length === 2, 'charge.refunded and balance.updated');

    expect(received.map((event) => event.type)).toEqual(['charge.refunded', 'balance.updated']);
    expect(charge.safeParse(received[0]?.data).success).toBe(true);
    expect(received[0]?.data).toMatchObject({ id: made.id, status: 'refunded', refundReason: 'bounced' });
    expect(received[1]?.data).toMatchObject({ spendable: 2000 });
    expect(Number(received[1]?.id)).toBeGreaterThan(Number(received[0]?.id));
  });

  it('R11, R12: a workbook limit reached sends limit.reached with its numbers', async () => {
    const { client } = await api.newWorkspace();
    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 1 });
    const { received } = await subscribe(client);

    await client.charges.create(emailOf('rec_1'));
    await expect(client.charges.create(emailOf('rec_2'))).rejects.toMatchObject({ code: 'workbook_limit_reached' });
    await waitFor(() => received.some((event) => event.type === 'limit.reached'), 'limit.reached');

    const reached = received.find((event) => event.type === 'limit.reached');
    expect(limitDetails.safeParse(reached?.data).success).toBe(true);
    expect(reached?.data).toEqual({ scope: 'workbook', id: 'wb_1', limit: 1, spent: 1, remaining: 0 });
  });

  it('replays only the events after Last-Event-ID, then goes on live', async () => {
    const { client, secretKey } = await api.newWorkspace();
    const first = await subscribe(client);
    await client.charges.create(emailOf('rec_1'));
    await waitFor(() => first.received.length === 1, 'the first event');
    first.unsubscribe();
    const lastSeen = first.received[0]?.id ?? '';

    // Missed while disconnected:
    await client.charges.create(emailOf('rec_2'));
    await client.charges.create(emailOf('rec_3'));

    const resumed = await openRaw(api.url, secretKey, { 'last-event-id': lastSeen });
    await resumed.readUntil((frames) => frames.filter((frame) => frame.data !== undefined).length === 2);
    await client.charges.create(emailOf('rec_4'));
    await resumed.readUntil((frames) => frames.filter((frame) => frame.data !== undefined).length === 3);

    const replayed = resumed.events().map((frame) => creditEvent.parse(JSON.parse(frame.data ?? '')));
    expect(replayed.map((event) => (event.data as { spendable: number }).spendable)).toEqual([1998, 1997, 1996]);
    for (const event of replayed) expect(Number(event.id)).toBeGreaterThan(Number(lastSeen));

    // The query parameter resumes the same way, for a first connection that cannot set the header.
    const fromQuery = await openRaw(api.url, secretKey, {}, `?lastEventId=${replayed[1]?.id}`);
    await fromQuery.readUntil((frames) => frames.some((frame) => frame.data !== undefined));
    expect(fromQuery.events()[0]?.id).toBe(replayed[2]?.id);
  });

  it("R21: another workspace's events never arrive, live or replayed", async () => {
    const mine = await api.newWorkspace();
    const theirs = await api.newWorkspace();
    const myEvents = await subscribe(mine.client);
    const theirEvents = await subscribe(theirs.client);

    await theirs.client.charges.create({ ...emailOf('rec_1'), actionId: 'find-mobile-phone' });
    await theirs.client.charges.create(emailOf('rec_2'));
    await mine.client.charges.create(emailOf('rec_1'));
    await waitFor(() => myEvents.received.length === 1 && theirEvents.received.length === 2, 'both workspaces');
    // Their events were written first and streams go in id order: a leak would have come before mine.
    expect(myEvents.received.map((event) => event.data)).toEqual([expect.objectContaining({ spendable: 1999 })]);
    expect(theirEvents.received.map((event) => (event.data as { spendable: number }).spendable)).toEqual([1990, 1989]);

    // Replaying from the very beginning still shows only mine, and again theirs would have come first.
    const replay = await openRaw(api.url, mine.secretKey, { 'last-event-id': '0' });
    await replay.readUntil((frames) => frames.some((frame) => frame.data !== undefined));
    expect(replay.events().map((frame) => frame.id)).toEqual(myEvents.received.map((event) => event.id));
  });

  it.each([
    ['a Last-Event-ID that is not an event id', { 'last-event-id': 'abc' }, ''],
    ['a lastEventId that is negative', {}, '?lastEventId=-1'],
  ])('answers %s with a 400 problem', async (_, headers, query) => {
    const { secretKey } = await api.newWorkspace();
    const response = await fetch(`${api.url}/v1/events${query}`, {
      headers: { authorization: `Bearer ${secretKey}`, ...headers },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('answers without a credential with 401', async () => {
    expect((await fetch(`${api.url}/v1/events`)).status).toBe(401);
  });
});

describe('GET /v1/events, bounded', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi({ maxStreamsPerWorkspace: 2, keepAliveMs: 100 });
  });
  afterAll(() => api.close());

  it('refuses a stream beyond the bound with a 429 and Retry-After, and frees the slot on disconnect', async () => {
    const mine = await api.newWorkspace();
    const first = await openRaw(api.url, mine.secretKey);
    await openRaw(api.url, mine.secretKey);

    const refused = await fetch(`${api.url}/v1/events`, { headers: { authorization: `Bearer ${mine.secretKey}` } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', status: 429 });

    // Another workspace has slots of its own.
    const theirs = await api.newWorkspace();
    expect((await openRaw(api.url, theirs.secretKey)).response.status).toBe(200);

    first.close();
    const deadline = Date.now() + waitTimeoutMs;
    let retry = await openRaw(api.url, mine.secretKey);
    while (retry.response.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      retry = await openRaw(api.url, mine.secretKey);
    }
    expect(retry.response.status).toBe(200);
  });

  it('sends a keep-alive comment while nothing happens', async () => {
    const { secretKey } = await api.newWorkspace();
    const stream = await openRaw(api.url, secretKey);
    await stream.readUntil((frames) => frames.filter((frame) => frame.comment === 'keep-alive').length >= 2);
    expect(stream.events()).toEqual([]);
  });
});
