import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createAnswerChecker, type Violation } from '../support/contract/answer-checker';
import { checksSettled, describeViolations, takeViolations } from '../support/contract/answer-violations';
import { creditApiDocument, type OperationObject } from '../support/contract/openapi-document';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

/*
 * The contract check of every answer (test/support/contract/) can fail. Against the real server, with a copy of
 * the document that no longer declares what the server sends; and through the fetch every test uses, against a
 * stand-in that answers wrongly on purpose, since the real server is meant to answer as the document says.
 */

let server: RunningServer;
let secretKey: string;
let impostor: Server;
let impostorUrl: string;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A well-formed problem answer; only its status (or a header it lacks) is wrong. */
const problemAnswer = (status: number, code: string): Answer => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 't', status, code, message: 'm', requestId: 'req_x' }),
});

/** Wrong answers on purpose, on a loopback address like the real server's. */
const wrongAnswers: Record<string, Answer> = {
  'GET /v1/balance?teapot': problemAnswer(418, 'teapot'),
  'GET /v1/balance?broken': {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ spendable: 'lots' }),
  },
  'GET /v1/balance?plain': { status: 200, headers: { 'content-type': 'text/plain' }, body: 'spendable: 12' },
  'GET /v1/nowhere': { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' },
  'DELETE /v1/balance': problemAnswer(405, 'method_not_allowed'),
  'GET /v1/events': {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body: ': keep-alive\n\nid: 1\ndata: not json\n\nid: 2\r\nevent: balance.updated\r\ndata: {"id":"2"}\r\n\r\n',
  },
};

beforeAll(async () => {
  server = await startTestServer();
  ({ secretKey } = await createDevWorkspace(server.url));
  impostor = createServer((request, response) => {
    const answer = wrongAnswers[`${request.method} ${request.url}`];
    response.writeHead(answer?.status ?? 500, { 'x-request-id': 'req_impostor', ...answer?.headers });
    response.end(answer?.body ?? '');
  });
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  impostorUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => impostor.close(resolve));
  await server.close();
});

/** A copy of the published document, changed by `edit`. */
function editedDocument(edit: (getBalance: OperationObject, schemas: Record<string, unknown>) => void) {
  const document = structuredClone(creditApiDocument);
  edit(document.paths['/v1/balance']?.get as OperationObject, document.components?.schemas ?? {});
  return document;
}

/** What `document` finds wrong with the real server's answer to `GET /v1/balance`. */
async function violationsOfRealBalance(document: typeof creditApiDocument): Promise<Violation[]> {
  const url = new URL('/v1/balance', server.url);
  const response = await fetch(url, { headers: { authorization: `Bearer ${secretKey}` } });
  const found: Violation[] = [];
  await createAnswerChecker(document).inspect({ method: 'GET', url }, response, (violation) => found.push(violation))
    .checked;
  return found;
}

/** Everything the answers-match-contract setup recorded for this test's requests, which no longer fails it. */
async function recordedProblems(test: { id: string; fullName: string }): Promise<string[]> {
  await checksSettled(test.id);
  const violations = takeViolations();
  for (const violation of violations) expect(violation.test?.name).toBe(test.fullName);
  return violations.flatMap(({ operation, status, problems }) =>
    problems.map((problem) => `${operation} ${status}: ${problem}`),
  );
}

describe('the real server against a document that does not declare its answer', () => {
  it('reports a status the operation does not declare', async () => {
    const document = editedDocument((getBalance) => {
      delete getBalance.responses['200'];
    });
    expect(await violationsOfRealBalance(document)).toEqual([
      expect.objectContaining({
        operation: 'GET /v1/balance (getBalance)',
        status: 200,
        requestId: expect.stringMatching(/^req_/),
        problems: [expect.stringContaining('status 200 is not declared for this operation (declared: 401, 429')],
      }),
    ]);
  });

  it('reports a content type not declared for the status', async () => {
    const document = editedDocument((getBalance) => {
      getBalance.responses['200'] = { content: { 'text/csv': { schema: { type: 'string' } } } };
    });
    const [violation] = await violationsOfRealBalance(document);
    expect(violation?.problems).toEqual([
      'content type "application/json" is not declared for 200 (declared: text/csv)',
    ]);
  });

  it('reports a body that breaks its schema, with what Ajv found', async () => {
    const document = editedDocument((_, schemas) => {
      const balance = schemas.Balance as { properties: object; required: string[] };
      schemas.Balance = { ...balance, properties: { ...balance.properties, overdraft: {} }, required: ['overdraft'] };
      schemas.CreditTotal = { type: 'string' };
    });
    const problems = (await violationsOfRealBalance(document)).flatMap((violation) => violation.problems);
    expect(problems).toContainEqual(expect.stringContaining("the body must have required property 'overdraft'"));
    expect(problems).toContainEqual(expect.stringContaining('/spendable must be string'));
  });

  it('reports a required header that is missing', async () => {
    const document = editedDocument((getBalance) => {
      getBalance.responses['200'] = { ...getBalance.responses['200'], headers: { 'Retry-After': { required: true } } };
    });
    const [violation] = await violationsOfRealBalance(document);
    expect(violation?.problems).toEqual(['the required header Retry-After is missing']);
  });

  it('finds nothing wrong with the same answer under the published document', async () => {
    expect(await violationsOfRealBalance(creditApiDocument)).toEqual([]);
  });
});

describe('every answer a test receives over fetch', () => {
  it('is checked: an undeclared status, a broken body and an undeclared content type are recorded against the test', async ({
    task,
  }) => {
    for (const query of ['teapot', 'broken', 'plain']) {
      // The caller gets the answer as it came: the check never turns it into a network error.
      const response = await fetch(`${impostorUrl}/v1/balance?${query}`);
      expect(await response.text()).toBe(wrongAnswers[`GET /v1/balance?${query}`]?.body);
    }
    const problems = await recordedProblems(task);
    expect(problems).toContainEqual(
      expect.stringContaining('GET /v1/balance (getBalance) 418: status 418 is not declared for this operation'),
    );
    expect(problems).toContainEqual(expect.stringContaining('200: /spendable must be number'));
    expect(problems).toContainEqual(expect.stringContaining("200: the body must have required property 'pending'"));
    expect(problems).toContainEqual(
      expect.stringContaining('200: content type "text/plain" is not declared for 200 (declared: application/json)'),
    );
  });

  it('holds a path in no operation to a 404 problem and a wrong method to a 405 problem with Allow', async ({
    task,
  }) => {
    await (await fetch(`${impostorUrl}/v1/nowhere`)).text();
    await (await fetch(`${impostorUrl}/v1/balance`, { method: 'DELETE' })).text();
    expect(await recordedProblems(task)).toEqual([
      'GET /v1/nowhere 200: the path is in no operation of the document, so the answer must be a 404 problem, not 200',
      "DELETE /v1/balance 405: Allow must list the path's methods GET, not null",
    ]);
  });

  it('checks each event of a stream as it passes, and leaves the stream as it was', async ({ task }) => {
    const response = await fetch(`${impostorUrl}/v1/events`);
    expect(await response.text()).toBe(wrongAnswers['GET /v1/events']?.body);
    expect(await recordedProblems(task)).toContainEqual(
      expect.stringContaining('GET /v1/events (streamEvents) 200: event 1 (message): data is not JSON: "not json"'),
    );
  });

  it('fails the test with a readable list', () => {
    const report = describeViolations('1 answer(s) broke the contract in openapi.json:', [
      {
        operation: 'GET /v1/balance (getBalance)',
        path: '/v1/balance',
        status: 418,
        requestId: 'req_1',
        problems: ['status 418 is not declared for this operation (declared: 200, 401, 429)'],
        test: { id: 'a', name: 'a test' },
      },
    ]);
    expect(report).toBe(
      [
        '1 answer(s) broke the contract in openapi.json:',
        '- GET /v1/balance (getBalance) → 418, request req_1, path /v1/balance',
        '    status 418 is not declared for this operation (declared: 200, 401, 429)',
      ].join('\n'),
    );
  });
});

describe("a stream's events", () => {
  /** What a checker over `document` finds in the impostor's event stream. */
  async function problemsOfStream(document: typeof creditApiDocument): Promise<string[]> {
    const url = new URL('/v1/events', impostorUrl);
    const found: Violation[] = [];
    const { response } = createAnswerChecker(document).inspect({ method: 'GET', url }, await fetch(url), (violation) =>
      found.push(violation),
    );
    await response.text();
    takeViolations();
    return found.flatMap((violation) => violation.problems);
  }
  const withItemSchema = (itemSchema: unknown) => {
    const document = structuredClone(creditApiDocument);
    const streamEvents = document.paths['/v1/events']?.get as OperationObject;
    streamEvents.responses['200'] = {
      content: { 'text/event-stream': { schema: { type: 'string' }, 'x-itemSchema': itemSchema } },
    };
    const schemas = document.components?.schemas ?? {};
    schemas.TestEvent = { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] };
    return document;
  };

  it("are validated against the media type's x-itemSchema", async () => {
    const problems = await problemsOfStream(withItemSchema({ $ref: '#/components/schemas/TestEvent' }));
    expect(problems).toEqual([
      'event 1 (message): data is not JSON: "not json"',
      `event 2 (balance.updated): the body must have required property 'type' (#/components/schemas/TestEvent/required {"missingProperty":"type"}) in "{\\"id\\":\\"2\\"}"`,
    ]);
  });

  it('without an x-itemSchema, report the missing schema and hold each event to the envelope', async () => {
    const problems = await problemsOfStream(withItemSchema(undefined));
    expect(problems).toContainEqual(expect.stringContaining("the document declares no schema for the stream's events"));
    expect(problems).toContainEqual(
      expect.stringContaining("event 2 (balance.updated): the body must have required property 'createdAt'"),
    );
  });
});
