import { afterAll, afterEach, beforeEach } from 'vitest';
import { createAnswerChecker, type SentRequest, type Violation } from './answer-checker';
import {
  checksSettled,
  describeViolations,
  type RecordedViolation,
  recordViolation,
  takeViolations,
  trackCheck,
} from './answer-violations';
import { creditApiDocument } from './openapi-document';

/*
 * vitest `setupFiles`: every answer a test receives from the Credit API (a request with fetch to a loopback
 * address whose path starts with /v1/, or is /healthz or /readyz: the in-process servers, and the server
 * processes tests spawn) is
 * held to openapi.json by `answer-checker.ts`. The test that received an answer that breaks the contract
 * fails after it ends, with the list of what was wrong. Requests made with node:http or raw sockets do not
 * go through fetch and are not checked.
 */

const checker = createAnswerChecker(creditApiDocument);
const unwrappedFetch = globalThis.fetch;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The API's paths: the versioned ones, and those the document declares beside them (a balancer's health checks). */
const unversionedPaths = new Set(Object.keys(creditApiDocument.paths).filter((path) => !path.startsWith('/v1/')));
const isCreditApiPath = (path: string) => path.startsWith('/v1/') || unversionedPaths.has(path);

type Test = RecordedViolation['test'];
let currentTest: Test;

function sentRequest(input: string | URL | Request, init: RequestInit | undefined): SentRequest {
  const url = new URL(input instanceof Request ? input.url : input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  return { method: method.toUpperCase(), url };
}

const checkedFetch: typeof fetch = async (input, init) => {
  const request = sentRequest(input, init);
  const response = await unwrappedFetch(input, init);
  if (!loopbackHosts.has(request.url.hostname) || !isCreditApiPath(request.url.pathname)) return response;
  const test = currentTest;
  const record = (violation: Violation) => recordViolation({ ...violation, test });
  try {
    const { response: answer, checked } = checker.inspect(request, response, record);
    trackCheck(test?.id, checked);
    return answer;
  } catch (error) {
    // A document the checker cannot read (a reference to nothing) fails the test, not the request.
    const problem = `the answer could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    record({
      operation: `${request.method} ${request.url.pathname}`,
      path: request.url.pathname,
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      problems: [problem],
    });
    return response;
  }
};
globalThis.fetch = checkedFetch;

beforeEach(({ task }) => {
  currentTest = { id: task.id, name: task.fullName };
});

// Runs after the test file's own afterEach hooks (hooks run as a stack), so their requests count too.
afterEach(async ({ task }) => {
  currentTest = undefined;
  await checksSettled(task.id);
  const violations = takeViolations((violation) => violation.test?.id === task.id);
  if (violations.length > 0) {
    throw new Error(
      describeViolations(`${violations.length} answer(s) broke the contract in openapi.json:`, violations),
    );
  }
});

// Answers that came after their test ended (an event stream left open, a request not awaited) and those to
// a beforeAll or afterAll hook fail the file, naming the test that sent the request.
afterAll(async () => {
  try {
    await checksSettled();
    const violations = takeViolations();
    if (violations.length > 0) {
      throw new Error(
        describeViolations(
          `${violations.length} answer(s) outside a test's run broke the contract in openapi.json:`,
          violations,
          { naming: 'test' },
        ),
      );
    }
  } finally {
    globalThis.fetch = unwrappedFetch;
  }
});
