import {
  declaredResponse,
  type HeaderObject,
  matchOperation,
  type OpenApiDocument,
  type OperationMatch,
  pointerSegment,
  type ResponseObject,
  resolve,
} from './openapi-document';
import { createSchemaValidators } from './schema-validators';
import { type ServerSentEvent, serverSentEventFrames } from './server-sent-event-frames';

/** What a test sent, as far as matching it to an operation needs. */
export interface SentRequest {
  method: string;
  url: URL;
}

/** An answer that is not what the document declares for its request. */
export interface Violation {
  /** `GET /v1/balance (getBalance)`, or the request line when it matches no operation. */
  operation: string;
  /** The path as sent. */
  path: string;
  status: number;
  requestId: string | undefined;
  problems: string[];
}

export interface Inspection {
  /** The answer to hand to the caller: the same one, or one whose event stream is checked as it is read. */
  response: Response;
  /** Settles once a finite body has been checked (never rejects). */
  checked: Promise<void>;
}

export interface AnswerChecker {
  /** Checks `response` against the document, calling `report` for each violation found, now or as a stream goes on. */
  inspect(request: SentRequest, response: Response, report: (violation: Violation) => void): Inspection;
}

/** The media type of a `content-type` header, without parameters. */
const mediaTypeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** The declared media type `mediaType` falls under: itself, `type/*` or `*\/*`. */
function declaredMediaType(declared: readonly string[], mediaType: string): string | undefined {
  const [type] = mediaType.split('/');
  return [mediaType, `${type}/*`, '*/*'].find((candidate) => declared.includes(candidate));
}

/**
 * The least an event must be while the document declares no schema for its events: a JSON envelope whose
 * payload the stream's readers dispatch on.
 */
const eventEnvelope = {
  type: 'object',
  properties: { id: { type: 'string' }, type: { type: 'string' }, createdAt: { type: 'string' }, data: {} },
  required: ['id', 'type', 'createdAt', 'data'],
};

/** What a path in no operation, or a method its path does not declare, must be answered with. */
const problemAnswer = (status: number): [ResponseObject, string] => [
  { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
  `(a ${status} problem)`,
];

/**
 * Holds answers to `document`: the status is one the operation declares, the content type one declared for that
 * status, a JSON body valid against its schema, each event of a stream valid against the item schema, and the
 * headers declared as required present. A path in no operation must be a 404 problem, a method its path does
 * not declare a 405 problem with `Allow`.
 */
export function createAnswerChecker(document: OpenApiDocument): AnswerChecker {
  const validators = createSchemaValidators(document);

  return {
    inspect(request, response, report) {
      const match = matchOperation(document, request.method, request.url.pathname);
      const violation = (problems: string[]): Violation => ({
        operation: match.kind === 'operation' ? match.name : `${request.method} ${request.url.pathname}`,
        path: request.url.pathname,
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        problems,
      });
      const problems: string[] = [];
      const finish = () => {
        if (problems.length > 0) report(violation(problems));
      };

      const expected = expectedResponse(match, response, problems);
      if (!expected) {
        finish();
        return { response, checked: Promise.resolve() };
      }
      const [declared, pointer] = expected;
      checkHeaders(declared, pointer, response, problems);

      const content = declared.content ?? {};
      const mediaType = mediaTypeOf(response.headers.get('content-type'));
      const declaredTypes = Object.keys(content);
      const key = declaredMediaType(declaredTypes, mediaType);

      if (declaredTypes.length === 0) {
        return { response, checked: checkEmptyBody(response.clone(), problems).then(finish) };
      }
      // A HEAD answer has the status and headers of the answer and never content (RFC 9110 §9.3.2).
      if (request.method === 'HEAD') {
        finish();
        return { response, checked: Promise.resolve() };
      }
      if (key === undefined) {
        problems.push(
          `content type ${JSON.stringify(mediaType)} is not declared for ${response.status} (declared: ${declaredTypes.join(', ')})`,
        );
        finish();
        return { response, checked: Promise.resolve() };
      }
      if (mediaType === 'text/event-stream' && response.ok && response.body) {
        const mediaTypePointer = `${pointer}/content/${pointerSegment(key)}`;
        const itemSchema = content[key]?.['x-itemSchema'];
        const itemSchemaPointer =
          itemSchema === undefined ? undefined : resolve(document, itemSchema, `${mediaTypePointer}/x-itemSchema`)[1];
        if (itemSchemaPointer === undefined) {
          problems.push(
            `the document declares no schema for the stream's events (no x-itemSchema at ${mediaTypePointer}); ` +
              'each event is checked only as a JSON envelope {id, type, createdAt, data}',
          );
        }
        finish();
        const checkEvent = (event: ServerSentEvent) => {
          const eventProblems = checkEventData(event, (data) =>
            itemSchemaPointer === undefined
              ? validators.validateAgainst(eventEnvelope, data)
              : validators.validate(itemSchemaPointer, data),
          );
          if (eventProblems.length > 0) report(violation(eventProblems));
        };
        return {
          response: withBody(response, response.body.pipeThrough(serverSentEventFrames(checkEvent))),
          checked: Promise.resolve(),
        };
      }
      const schema = content[key]?.schema;
      if (!isJson(mediaType) || schema === undefined) {
        finish();
        return { response, checked: Promise.resolve() };
      }
      // A referenced schema is compiled once, wherever it is used.
      const [, schemaPointer] = resolve(document, schema, `${pointer}/content/${pointerSegment(key)}/schema`);
      const checked = readJson(response.clone(), problems).then((body) => {
        if (body.read) problems.push(...validators.validate(schemaPointer, body.value));
        finish();
      });
      return { response, checked };
    },
  };

  /** The declared response the answer must match, or none (with why) when its status alone is wrong. */
  function expectedResponse(
    match: OperationMatch,
    response: Response,
    problems: string[],
  ): [ResponseObject, string] | undefined {
    const { status } = response;
    if (match.kind === 'unknown-path') {
      if (status === 404) return problemAnswer(404);
      problems.push(`the path is in no operation of the document, so the answer must be a 404 problem, not ${status}`);
      return undefined;
    }
    if (match.kind === 'wrong-method') {
      if (status !== 405) {
        problems.push(
          `the path declares only ${match.allowed.join(', ')}, so the answer must be a 405 problem, not ${status}`,
        );
        return undefined;
      }
      const allow = (response.headers.get('allow') ?? '').split(',').map((method) => method.trim().toUpperCase());
      if ([...allow].sort().join(', ') !== [...match.allowed].sort().join(', ')) {
        problems.push(
          `Allow must list the path's methods ${match.allowed.join(', ')}, not ${JSON.stringify(response.headers.get('allow'))}`,
        );
      }
      return problemAnswer(405);
    }
    const declared = declaredResponse(document, match, status);
    if (!declared) {
      const statuses = Object.keys(match.operation.responses).join(', ');
      problems.push(`status ${status} is not declared for this operation (declared: ${statuses})`);
    }
    return declared;
  }

  function checkHeaders(declared: ResponseObject, pointer: string, response: Response, problems: string[]): void {
    for (const [name, value] of Object.entries(declared.headers ?? {})) {
      const [header] = resolve<HeaderObject>(document, value, `${pointer}/headers/${pointerSegment(name)}`);
      if (header.required && !response.headers.has(name)) problems.push(`the required header ${name} is missing`);
    }
  }
}

/** The caller's copy of `response` with `body` in place of its own (status, headers and url kept). */
function withBody(response: Response, body: ReadableStream<Uint8Array>): Response {
  const replaced = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(replaced, 'url', { value: response.url });
  return replaced;
}

/** One event's `data:` as JSON, checked by `validate`; the problems are prefixed with the event they belong to. */
function checkEventData(event: ServerSentEvent, validate: (data: unknown) => string[]): string[] {
  const which = `event ${event.id ?? '(no id)'} (${event.event})`;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return [`${which}: data is not JSON: ${excerpt(event.data)}`];
  }
  return validate(data).map((problem) => `${which}: ${problem} in ${excerpt(event.data)}`);
}

/**
 * Reads a cloned body as JSON. A body cut off (the test aborted, the server was killed) is not the
 * contract's business, so it is left unchecked.
 */
async function readJson(
  clone: Response,
  problems: string[],
): Promise<{ read: true; value: unknown } | { read: false }> {
  let text: string;
  try {
    text = await clone.text();
  } catch {
    return { read: false };
  }
  try {
    return { read: true, value: JSON.parse(text) };
  } catch {
    problems.push(`the body is not JSON: ${excerpt(text)}`);
    return { read: false };
  }
}

async function checkEmptyBody(clone: Response, problems: string[]): Promise<void> {
  const text = await clone.text().catch(() => '');
  if (text !== '') problems.push(`no content is declared for this status, yet the body is ${excerpt(text)}`);
}

const excerpt = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
