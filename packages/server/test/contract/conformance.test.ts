import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { prng, readInteger } from '../support/seeded-random';
import { startTestServer } from '../support/test-server';
import { type Answer, type ArrayStyle, describeAnswer, onTheWire, send } from './conformance-http';
import { type ConformanceWorkspace, openWorkspace, snapshotOf } from './conformance-workspace';
import { type Operation, operationsOf, type Parameter } from './openapi-document';
import { operationFixtures } from './operation-fixtures';
import { baseRequest, documentRefusals, type OperationRequest, type Variant, variantsOf } from './operation-requests';
import { refusalsOf } from './schema-check';

/*
 * The published OpenAPI document against the real server, operation by operation, over plain HTTP: what
 * the document accepts (valid and boundary values) is accepted, what it refuses gets a 4xx problem and
 * changes nothing, credentials are held to each operation's security and x-access, an operation that
 * declares Idempotency-Key acts once per key, and every answer's status is one the operation declares.
 * Values come from the document's schemas; operation-fixtures.ts adds only what a schema cannot know.
 * CONFORMANCE_SEED replays another choice of values where an operation has more than the suite sends.
 */

const seed = readInteger('CONFORMANCE_SEED', 20_260_115);
/** At most this many accepted and this many refused variants per operation, drawn by the seed. */
const maxVariantsPerKind = 80;

const operations = operationsOf();

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

it('walks every operation of the document, each with a fixture, and no fixture without an operation', () => {
  const ids = operations.map((operation) => operation.operationId);
  expect(
    ids.filter((id) => !(id in operationFixtures)),
    'operations without a fixture',
  ).toEqual([]);
  expect(
    Object.keys(operationFixtures).filter((id) => !ids.includes(id)),
    'fixtures of no operation',
  ).toEqual([]);
});

/**
 * Up to `count` of the variants, in their original order: every one that changes the whole body (its
 * media type, its JSON, its type), and the others drawn by the seed.
 */
function drawn<T extends { variant: Variant }>(
  list: readonly T[],
  count: number,
  random: (below: number) => number,
): T[] {
  if (list.length <= count) return [...list];
  const pool = list.map((item, index) => ({ item, index }));
  const chosen = pool.filter(({ item }) => item.variant.name === '');
  const others = pool.filter(({ item }) => item.variant.name !== '');
  while (chosen.length < count && others.length > 0) chosen.push(...others.splice(random(others.length), 1));
  return chosen.sort((a, b) => a.index - b.index).map(({ item }) => item);
}

const isProblem = (answer: Answer) => answer.contentType.startsWith('application/problem+json');
const codeOf = (answer: Answer) => (answer.body as { code?: unknown } | undefined)?.code;
const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;

describe.each(operations)('$operationId ($method $path)', (operation: Operation) => {
  const fixture = operationFixtures[operation.operationId] ?? {};
  const random = prng(seed ^ [...operation.operationId].reduce((hash, c) => Math.imul(hash, 31) + c.charCodeAt(0), 7));
  let workspace: ConformanceWorkspace;
  let sequence = 0;

  beforeAll(async () => {
    workspace = await openWorkspace(server.url);
    await fixture.setup?.(workspace);
  });

  /** The credential the walk sends: one the operation allows, or none when it takes none. */
  const allowedCredential = () => (operation.needsCredential ? workspace.credentials.secretKey : undefined);

  /** A fresh valid request: the fixture's values for this request over values derived from the schemas. */
  async function freshRequest(): Promise<OperationRequest> {
    sequence += 1;
    const request = baseRequest(operation, (await fixture.prepare?.({ workspace, sequence })) ?? {});
    fixture.complete?.(request);
    return request;
  }

  function applied(variant: Variant, base: OperationRequest): OperationRequest {
    const request = variant.apply(base);
    fixture.complete?.(request);
    return request;
  }

  /** Sends a request and holds the answer's status to those the operation declares; undefined when unsendable. */
  async function call(
    request: OperationRequest,
    credential: string | undefined,
    arrayStyle: ArrayStyle = 'declared',
  ): Promise<{ answer: Answer; description: string } | undefined> {
    const wire = onTheWire(server.url, operation, request, credential, arrayStyle);
    if (!wire) return undefined;
    const answer = await send(wire);
    expect
      .soft(
        operation.declaredStatuses.has(answer.status),
        `${wire.description} → ${describeAnswer(answer)}: a status ${operation.operationId} does not declare (${[
          ...operation.declaredStatuses,
        ].join(', ')})`,
      )
      .toBe(true);
    if (answer.status >= 400) {
      expect.soft(isProblem(answer), `${wire.description} → ${answer.status} as ${answer.contentType}`).toBe(true);
    }
    return { answer, description: wire.description };
  }

  /** The variants of a request, each with the reasons the document refuses it (none: it accepts it). */
  function judged(base: OperationRequest) {
    return variantsOf(operation, base).flatMap((variant) => {
      const refusals = documentRefusals(operation, applied(variant, base));
      return refusals === undefined ? [] : [{ variant, refusals }];
    });
  }

  /**
   * A valid request other than `request`: a fresh one when the fixture makes each request new, else one
   * with a body or query value changed (a reference changed only as the last resort: it may name nothing).
   */
  async function anotherRequest(request: OperationRequest): Promise<OperationRequest | undefined> {
    const fresh = await freshRequest();
    const same = (other: OperationRequest) => JSON.stringify(other) === JSON.stringify(request);
    if (!same(fresh)) return fresh;
    const changes = judged(request)
      .filter(({ variant, refusals }) => refusals.length === 0 && !variant.label.startsWith('header'))
      .map(({ variant }) => ({ variant, changed: applied(variant, request) }))
      .filter(({ changed }) => !same(changed));
    const isReference = (variant: Variant) => fixture.references?.includes(variant.name) === true;
    return (changes.find(({ variant }) => !isReference(variant)) ?? changes[0])?.changed;
  }

  it('accepts the requests the document accepts: valid and boundary values', async () => {
    const base = await freshRequest();
    const sent = await call(base, allowedCredential());
    expect
      .soft(
        sent && isSuccess(sent.answer),
        `the base request ${sent?.description} → ${sent && describeAnswer(sent.answer)}`,
      )
      .toBe(true);
    const accepted = judged(base).filter(({ refusals }) => refusals.length === 0);
    for (const { variant } of drawn(accepted, maxVariantsPerKind, random)) {
      const request = applied(variant, await freshRequest());
      if (documentRefusals(operation, request)?.length !== 0) continue;
      const result = await call(request, allowedCredential());
      if (!result) continue;
      const { answer, description } = result;
      const explained =
        (answer.status === 404 && codeOf(answer) === 'not_found' && fixture.references?.includes(variant.name)) ||
        (answer.status === 400 &&
          codeOf(answer) === 'validation_failed' &&
          fixture.issuedByApi?.includes(variant.name)) ||
        fixture.stateRefusals?.some((refusal) => refusal.status === answer.status && refusal.code === codeOf(answer));
      expect
        .soft(
          isSuccess(answer) || explained === true,
          `${variant.label}: the document accepts ${description}, the server answered ${describeAnswer(answer)}`,
        )
        .toBe(true);
    }
  });

  it('refuses the requests the document refuses with a 4xx problem, and changes nothing', async () => {
    const base = await freshRequest();
    const refused = judged(base).filter(({ refusals }) => refusals.length > 0);
    const observed = fixture.observe?.(base) ?? [];
    const before = operation.needsCredential ? await snapshotOf(workspace, observed) : undefined;
    for (const { variant, refusals } of drawn(refused, maxVariantsPerKind, random)) {
      const result = await call(applied(variant, base), allowedCredential());
      if (!result) continue;
      const { answer, description } = result;
      const where = `${variant.label}: the document refuses ${description} (${refusals.join('; ')})`;
      const expected = variant.label.includes('text/plain') ? 415 : variant.label.startsWith('path') ? [400, 404] : 400;
      expect
        .soft(
          ([] as number[]).concat(expected).includes(answer.status),
          `${where}; the server answered ${describeAnswer(answer)}, not ${String(expected)}`,
        )
        .toBe(true);
    }
    if (before) expect.soft(await snapshotOf(workspace, observed), 'what the refused requests changed').toEqual(before);
  });

  it(`holds credentials to the document (security ${operation.needsCredential ? 'bearer' : 'none'}, x-access ${operation.access})`, async () => {
    const { secretKey, adminToken, memberToken } = workspace.credentials;
    const access = operation.access;
    /** Each caller with the status it must get, or `allowed` for a 2xx. */
    const callers: [string, string | undefined, 'allowed' | 401 | 403][] = operation.needsCredential
      ? [
          ['no credential', undefined, 401],
          ['an unknown secret key', 'sk_conformance_unknown_key', 401],
          ['a forged session token', 'st_conformance.forged', 401],
          ['the secret key', secretKey, 'allowed'],
          ['an admin session token', adminToken, access === 'secret_key' ? 403 : 'allowed'],
          ['a member session token', memberToken, access === 'member' ? 'allowed' : 403],
        ]
      : [['no credential', undefined, 'allowed']];
    const requests = [];
    for (const caller of callers) requests.push({ caller, request: await freshRequest() });
    const before = operation.needsCredential ? await snapshotOf(workspace) : undefined;
    for (const { caller, request } of requests.filter(({ caller }) => caller[2] !== 'allowed')) {
      const [who, credential, expected] = caller;
      const result = await call(request, credential);
      if (!result) throw new Error(`The base request of ${operation.operationId} cannot be sent.`);
      const code = expected === 401 ? 'unauthorized' : 'forbidden';
      expect
        .soft(
          `${result.answer.status} ${String(codeOf(result.answer))}`,
          `${who}: ${result.description} → ${describeAnswer(result.answer)}`,
        )
        .toBe(`${expected} ${code}`);
    }
    if (before) expect.soft(await snapshotOf(workspace), 'what the refused credentials changed').toEqual(before);
    for (const { caller, request } of requests.filter(({ caller }) => caller[2] === 'allowed')) {
      const [who, credential] = caller;
      const result = await call(request, credential);
      if (!result) throw new Error(`The base request of ${operation.operationId} cannot be sent.`);
      expect
        .soft(isSuccess(result.answer), `${who} may call it: ${result.description} → ${describeAnswer(result.answer)}`)
        .toBe(true);
    }
  });

  const keyParameter = operation.parameters.find(
    (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
  );
  if (keyParameter) {
    it('acts once per Idempotency-Key: a replay repeats the first answer, another request is a conflict', async () => {
      const key = `conformance-${seed}-${operation.operationId}`;
      const withKey = (request: OperationRequest, value: string) => ({
        ...request,
        headers: { ...request.headers, [keyParameter.name]: value },
      });
      const request = await freshRequest();
      const observed = fixture.observe?.(request) ?? [];
      const first = await call(withKey(request, key), allowedCredential());
      if (!first) throw new Error(`The base request of ${operation.operationId} cannot be sent.`);
      expect.soft(isSuccess(first.answer), `${first.description} → ${describeAnswer(first.answer)}`).toBe(true);
      expect.soft(first.answer.headers.get('idempotent-replayed'), 'a first answer is no replay').not.toBe('true');
      const afterFirst = operation.needsCredential ? await snapshotOf(workspace, observed) : undefined;

      const replay = await call(withKey(request, key), allowedCredential());
      if (!replay) throw new Error('unreachable: the same request was sent before');
      expect
        .soft(replay.answer.status, `the replay's status: ${describeAnswer(replay.answer)}`)
        .toBe(first.answer.status);
      expect.soft(replay.answer.body, "the replay's body").toEqual(first.answer.body);
      expect
        .soft(replay.answer.headers.get('idempotent-replayed'), 'the replay says Idempotent-Replayed: true')
        .toBe('true');
      expect
        .soft(replay.answer.headers.get('x-request-id'), 'the replay has its own x-request-id')
        .not.toBe(first.answer.headers.get('x-request-id'));
      if (afterFirst) {
        expect
          .soft(await snapshotOf(workspace, observed), 'what the replay changed (it must act once)')
          .toEqual(afterFirst);
      }

      const other = await anotherRequest(request);
      expect.soft(other, 'another valid request to send with the same key').toBeDefined();
      if (other) {
        const conflict = await call(withKey(other, key), allowedCredential());
        if (!conflict) throw new Error(`The base request of ${operation.operationId} cannot be sent.`);
        expect
          .soft(
            `${conflict.answer.status} ${String(codeOf(conflict.answer))}`,
            `the same key with another request: ${conflict.description} → ${describeAnswer(conflict.answer)}`,
          )
          .toBe('409 idempotency_conflict');
      }

      const longKey = 'k'.repeat(256);
      expect
        .soft(refusalsOf(keyParameter.schema, longKey), 'the document refuses a 256-character Idempotency-Key')
        .not.toEqual([]);
      const long = await call(withKey(await freshRequest(), longKey), allowedCredential());
      if (!long) throw new Error(`The base request of ${operation.operationId} cannot be sent.`);
      expect
        .soft(
          `${long.answer.status} ${String(codeOf(long.answer))}`,
          `a 256-character key: ${describeAnswer(long.answer)}`,
        )
        .toBe('400 validation_failed');
    });
  }

  for (const parameter of operation.parameters.filter(
    (one: Parameter) => one.in === 'query' && one.schema.type === 'array',
  )) {
    it(`answers for every item of the list ${parameter.name}, sent comma-joined or repeated`, async () => {
      const request = await freshRequest();
      const items = request.query[parameter.name];
      if (!Array.isArray(items) || new Set(items).size < 2) {
        throw new Error(`The fixture of ${operation.operationId} must give ${parameter.name} two different items.`);
      }
      const declared: ArrayStyle = parameter.explode ? 'repeated' : 'joined';
      const otherStyle: ArrayStyle = parameter.explode ? 'joined' : 'repeated';
      const inDeclaredStyle = await call(request, allowedCredential(), declared);
      const inOtherStyle = await call(request, allowedCredential(), otherStyle);
      const firstOnly = await call(
        { ...request, query: { ...request.query, [parameter.name]: items.slice(0, 1) } },
        allowedCredential(),
      );
      if (!inDeclaredStyle || !inOtherStyle || !firstOnly) throw new Error('A list of ids can always be sent.');
      expect
        .soft(
          isSuccess(inDeclaredStyle.answer),
          `${inDeclaredStyle.description} → ${describeAnswer(inDeclaredStyle.answer)}`,
        )
        .toBe(true);
      expect
        .soft(inDeclaredStyle.answer.body, `${inDeclaredStyle.description} answers for more than its first item`)
        .not.toEqual(firstOnly.answer.body);
      if (inOtherStyle.answer.status !== 400) {
        expect
          .soft(
            inOtherStyle.answer.body,
            `${inOtherStyle.description} (${otherStyle}) → ${describeAnswer(inOtherStyle.answer)}: refused with a 400 or answered for every item`,
          )
          .toEqual(inDeclaredStyle.answer.body);
      }
    });
  }
});
