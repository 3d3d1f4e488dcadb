import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

/*
 * openapi.json read as a third-party developer reads it, the only truth they have, against the live server
 * over plain fetch: each test is one place where the server answers what the document does not declare for
 * that request, or refuses a request the document accepts (or the reverse). The document's words each test
 * holds the server to are quoted above it.
 */

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function send(
  path: string,
  init: { method?: string; token?: string; key?: string; contentType?: string; body?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
      ...(init.key === undefined ? {} : { 'idempotency-key': init.key }),
      ...(init.contentType === undefined ? {} : { 'content-type': init.contentType }),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const json = (token: string, method: string, body: unknown, key?: string) => ({
  method,
  token,
  contentType: 'application/json',
  body: JSON.stringify(body),
  ...(key === undefined ? {} : { key }),
});

describe('methods the document does not list', () => {
  // info.description: "A method a path does not list is answered 405 `method_not_allowed` with `Allow`."
  it('answers HEAD on a GET-only path with 405 and Allow: GET, not the GET answer without its body', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const head = await send('/v1/balance', { method: 'HEAD', token: secretKey });

    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
  });

  // A HEAD of the event stream runs the stream's handler, whose body nobody reads: the stream stays open on
  // the server after the answer, holding one of the workspace's 20 event streams (README, Limits) for good.
  it('leaves no event stream open after a HEAD of /v1/events, so 20 of them do not lock the workspace out of events', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    for (let head = 0; head < 20; head++) {
      await send('/v1/events', { method: 'HEAD', token: secretKey });
    }

    const subscriber = new AbortController();
    const stream = await fetch(`${server.url}/v1/events`, {
      headers: { authorization: `Bearer ${secretKey}` },
      signal: subscriber.signal,
    });
    const status = stream.status;
    subscriber.abort();
    await stream.body?.cancel().catch(() => undefined);

    expect(status, 'GET /v1/events of a workspace whose own client holds no stream').toBe(200);
  });

  it('answers OPTIONS on a declared path (no CORS preflight) with 405 and the path’s Allow, not 204', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const options = await send('/v1/charges/charge_1/refund', { method: 'OPTIONS', token: secretKey });

    expect(options.status).toBe(405);
    expect(options.headers.get('allow')).toBe('POST');
  });

  // info.description: "an unknown path 404 `not_found`."
  it('answers OPTIONS on a /v1 path the document does not have with 404, not 204', async () => {
    const options = await send('/v1/no-such-resource', { method: 'OPTIONS' });

    expect(options.status).toBe(404);
  });
});

describe('bodies over 1 MB', () => {
  const overOneMegabyte = `{"x":"${'a'.repeat(1024 * 1024)}"}`;

  // info.description: "an unknown path 404 `not_found`"; "A method a path does not list is answered 405".
  it('answers a path the document does not have with 404, and a method a path does not list with 405, whatever the body size', async () => {
    const unknownPath = await send('/v1/no-such-resource', {
      method: 'POST',
      contentType: 'application/json',
      body: overOneMegabyte,
    });
    const wrongMethod = await send('/v1/balance', {
      method: 'PATCH',
      contentType: 'application/json',
      body: overOneMegabyte,
    });

    expect([unknownPath.status, wrongMethod.status]).toEqual([404, 405]);
  });
});

describe('request media types', () => {
  // The request bodies are declared `application/json`; media types are case-insensitive (RFC 9110 §8.3.1).
  it('accepts a JSON body sent as Application/JSON (media types are case-insensitive)', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const update = await send('/v1/workbooks/wb_case/spend-limit', {
      method: 'PUT',
      token: secretKey,
      contentType: 'Application/JSON',
      body: JSON.stringify({ enabled: true, limit: 5 }),
    });

    expect(update.status).toBe(200);
  });

  // components.responses.UnsupportedMediaType: "`unsupported_media_type`: the body is not sent as `application/json`."
  it('refuses with 415 a body sent as another media type that merely mentions json', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const statuses: Record<string, number> = {};
    for (const contentType of ['text/json', 'application/jsonlines', 'text/plain; format=json']) {
      const update = await send('/v1/workbooks/wb_type/spend-limit', {
        method: 'PUT',
        token: secretKey,
        contentType,
        body: JSON.stringify({ enabled: true, limit: 5 }),
      });
      statuses[contentType] = update.status;
    }

    expect(statuses).toEqual({ 'text/json': 415, 'application/jsonlines': 415, 'text/plain; format=json': 415 });
  });
});

describe('Idempotency-Key', () => {
  // components.parameters.IdempotencyKey: "a request refused for its values or for what it names (400, 404, 422)
  // keeps nothing, so its key may be used again, e.g. once the missing run is opened."
  it('keeps nothing for a request refused 404: the same key acts once what it named exists', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const charge = {
      actionId: 'find-work-email',
      workbookId: 'wb_later',
      recordId: 'rec_1',
      field: 'email',
      runId: 'run_later',
    };
    const first = await send('/v1/charges', json(secretKey, 'POST', charge, 'key_after_404'));
    expect(first.status).toBe(404);
    const run = await send(
      '/v1/ai/runs',
      json(secretKey, 'POST', { runId: 'run_later', workbookId: 'wb_later', budget: 10 }),
    );
    expect(run.status).toBe(201);

    const repeat = await send('/v1/charges', json(secretKey, 'POST', charge, 'key_after_404'));
    const again = await send('/v1/charges', json(secretKey, 'POST', charge, 'key_after_404'));

    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.parse(again.text)).toEqual(JSON.parse(repeat.text));
  });

  // The same words: a 422 keeps nothing, so the key is free for the corrected request.
  it('keeps nothing for a request refused 422: the corrected request may use the same key', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const tooLarge = await send('/v1/purchases', json(secretKey, 'POST', { credits: 1_000_000_000 }, 'key_after_422'));
    expect(tooLarge.status).toBe(422);

    const corrected = await send('/v1/purchases', json(secretKey, 'POST', { credits: 1 }, 'key_after_422'));

    expect(corrected.status).toBe(201);
  });
});

describe('query parameters', () => {
  // /v1/grants `cursor`: "Cursors are opaque: a value that is not one is a 400."
  it('refuses with 400 a value that is no cursor', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    for (const notACursor of [
      'abc',
      Buffer.from('-1').toString('base64url'),
      Buffer.from('1.5').toString('base64url'),
    ]) {
      const page = await send(`/v1/grants?cursor=${notACursor}`, { token: secretKey });
      expect(page.status, notACursor).toBe(400);
    }
  });

  // /v1/actions `ids`: "comma-separated (a comma may be sent encoded, `%2C`, as URLSearchParams sends it)". No id
  // can hold a comma, so an encoded one still separates two ids.
  it('reads ids=a%2Cb as the two ids a and b, as URLSearchParams encodes the delimiter', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const list = await send('/v1/actions?ids=find-work-email%2Clookup-company-domain', { token: secretKey });

    expect(list.status).toBe(200);
    const ids = (JSON.parse(list.text) as { data: { id: string }[] }).data.map((action) => action.id);
    expect(ids.sort()).toEqual(['find-work-email', 'lookup-company-domain']);
  });
});

describe('calendar dates', () => {
  // components.schemas.CalendarDate's pattern accepts years 0000-9999 (0000-02-29 included); no usage
  // operation declares a 500.
  it('answers usage for dates in year 0000 the pattern accepts with a declared status, never a 500', async () => {
    const { secretKey } = await createDevWorkspace(server.url);
    const answers: Record<string, number> = {};
    for (const query of [
      'groupBy=day&from=0000-01-01&to=0000-01-01',
      'groupBy=day&from=0000-02-29&to=0000-03-01',
      'groupBy=day&to=0000-01-05',
    ]) {
      for (const path of ['/v1/usage', '/v1/usage/export']) {
        const answer = await send(`${path}?${query}`, { token: secretKey });
        answers[`${path}?${query}`] = answer.status;
        // A report whose `from` was defaulted must still name a date the document can express.
        if (answer.status === 200 && path === '/v1/usage') {
          expect(JSON.parse(answer.text).from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }

    expect(Object.entries(answers).filter(([, status]) => status !== 200 && status !== 400)).toEqual([]);
  });
});

describe('credentials', () => {
  // components.securitySchemes.bearer is `scheme: bearer` (RFC 6750 §2.1: "Bearer" 1*SP b64token).
  it('accepts a bearer credential separated from the scheme by two spaces', async () => {
    const { secretKey } = await createDevWorkspace(server.url);

    const balance = await fetch(`${server.url}/v1/balance`, { headers: { authorization: `Bearer  ${secretKey}` } });
    await balance.text();

    expect(balance.status).toBe(200);
  });
});
