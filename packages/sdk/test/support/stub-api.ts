import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';

/** A request as the stub received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The query as it was sent, percent-encodings kept (`query` decodes them). */
  search: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StubReply {
  status?: number;
  /** Sent as JSON, or as-is when a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type StubResponder = (
  request: RecordedRequest,
  response: ServerResponse,
) => StubReply | undefined | Promise<StubReply | undefined>;

/**
 * A scripted Credit API on a real local port, for SDK unit tests: it records what the SDK sends and
 * answers what each test scripts. End-to-end tests use the reference server instead.
 */
export interface StubApi {
  url: string;
  requests: RecordedRequest[];
  /** Answers `METHOD /path` (exact path, query ignored) with `responder`; unscripted routes answer 404 problem+json. */
  on(route: string, responder: StubResponder | StubReply): void;
  close(): Promise<void>;
}

let requestCounter = 0;

export function problemReply(
  status: number,
  code: string,
  details?: unknown,
  headers?: Record<string, string>,
): StubReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: {
      type: `https://creditkit.dev/problems/${code}`,
      status,
      code,
      message: `Stub ${code}`,
      requestId: `req_stub_${++requestCounter}`,
      details,
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startStubApi(): Promise<StubApi> {
  const routes = new Map<string, StubResponder>();
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://stub');
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      search: url.search,
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    requests.push(recorded);
    const responder = routes.get(`${recorded.method} ${recorded.path}`);
    const reply = responder ? await responder(recorded, response) : problemReply(404, 'not_found');
    if (!reply || response.headersSent) return;
    const status = reply.status ?? 200;
    const isText = typeof reply.body === 'string';
    response.writeHead(status, {
      'content-type': isText ? 'text/plain' : 'application/json',
      'x-request-id': `req_${requests.length}`,
      ...reply.headers,
    });
    response.end(reply.body === undefined ? undefined : isText ? (reply.body as string) : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(route, responder) {
      routes.set(route, typeof responder === 'function' ? responder : () => responder);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh stub for every test of the file, closed after it: `const api = useStubApi();`. */
export function useStubApi(): StubApi {
  let current: StubApi | undefined;
  beforeEach(async () => {
    current = await startStubApi();
  });
  afterEach(() => current?.close());
  const stub = () => {
    if (!current) throw new Error('The stub API runs inside tests only.');
    return current;
  };
  return {
    get url() {
      return stub().url;
    },
    get requests() {
      return stub().requests;
    },
    on: (route, responder) => stub().on(route, responder),
    close: () => stub().close(),
  };
}
