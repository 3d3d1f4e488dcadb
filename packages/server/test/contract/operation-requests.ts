import type { Operation, Parameter, Schema } from './openapi-document';
import { refusalsOf } from './schema-check';
import { candidatesFor, exampleOf, labelOf, withCandidate } from './schema-values';

/*
 * Requests to one operation, built from its parameters' and body's schemas: a valid base request, and
 * variants that change one place of it. Each variant is judged by the document as it travels on the wire
 * (a query value is text, so `limit=1.5` is the number 1.5 and `limit=abc` a string), never by the server.
 */

/** One request to an operation, before it is written on the wire. */
export interface OperationRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** The JSON body; undefined sends none. */
  body?: unknown;
  /** A body sent as these bytes with this media type instead of `body` (malformed JSON, another media type). */
  rawBody?: { text: string; contentType: string };
}

/** The places of a request a fixture may give values for. */
export interface RequestValues {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** A request that differs from the base in one place; `documentRefusals` says whether the document accepts it. */
export interface Variant {
  /** The parameter or top-level body property it changes; empty for the whole body. */
  name: string;
  label: string;
  apply: (base: OperationRequest) => OperationRequest;
}

const jsonNumber = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function typesOf(schema: Schema): Set<string> {
  const types = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') types.add(value);
    if (Array.isArray(value)) value.forEach(visit);
  };
  visit(schema.type);
  for (const branch of [...((schema.anyOf as Schema[]) ?? []), ...((schema.oneOf as Schema[]) ?? [])]) {
    for (const type of typesOf(branch)) types.add(type);
  }
  return types;
}

/** What a text on the wire means for a scalar schema: a number where a number is expected, else the text. */
function fromText(schema: Schema, text: string): unknown {
  const types = typesOf(schema);
  if ((types.has('number') || types.has('integer')) && jsonNumber.test(text)) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** A scalar as wire text, or undefined when the wire cannot carry it (null, objects, nested lists). */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The texts a parameter value is sent as: one, or one per item for an exploded list; an empty list sends
 * nothing. Undefined when the wire cannot carry the value.
 */
export function parameterTexts(parameter: Parameter, value: unknown): string[] | undefined {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    if (parameter.in !== 'query') return undefined;
    const texts = value.map(scalarText);
    if (texts.some((text) => text === undefined)) return undefined;
    return parameter.explode ? (texts as string[]) : [(texts as string[]).join(',')];
  }
  const text = scalarText(value);
  if (text === undefined) return undefined;
  // A header carries no control characters and only bytes (fetch refuses the rest before sending).
  if (parameter.in === 'header' && /[^\u0020-\u007e\u0080-\u00ff]/.test(text)) return undefined;
  return [text];
}

/** What the server receives for a parameter, as its schema reads it. */
function parameterOnTheWire(parameter: Parameter, texts: string[]): unknown {
  if (texts.length === 0) return undefined;
  const items = parameter.schema.items as Schema | undefined;
  if (typesOf(parameter.schema).has('array') && items) {
    const parts = parameter.explode ? texts : (texts[0] ?? '').split(',');
    return parts.map((text) => fromText(items, text));
  }
  return fromText(parameter.schema, texts[0] ?? '');
}

const placeOf = (parameter: Parameter) => (parameter.in === 'header' ? 'headers' : parameter.in);

/**
 * Why the document refuses the request, one reason per line; empty when it accepts it. Undefined when the
 * wire cannot carry the request as built (a null path id), so it is not sent.
 */
export function documentRefusals(operation: Operation, request: OperationRequest): string[] | undefined {
  const reasons: string[] = [];
  for (const parameter of operation.parameters) {
    const value = request[placeOf(parameter)][parameter.name];
    const texts = parameterTexts(parameter, value);
    if (texts === undefined) return undefined;
    // An empty path id leaves an empty segment (`/v1/workbooks//spend-limit`): that URL names no operation of
    // the document, and the server answers it as an unknown path, 404 `not_found`, as the document's info says.
    if (parameter.in === 'path' && texts.includes('')) return undefined;
    const received = parameterOnTheWire(parameter, texts);
    if (received === undefined) {
      if (parameter.required) reasons.push(`${parameter.in} ${parameter.name}: missing (required)`);
      continue;
    }
    reasons.push(...refusalsOf(parameter.schema, received, `${parameter.in} ${parameter.name}`));
  }
  if (request.rawBody) {
    if (request.rawBody.contentType !== 'application/json') {
      reasons.push(`body: ${request.rawBody.contentType} is not a media type the operation takes`);
    } else {
      try {
        JSON.parse(request.rawBody.text);
      } catch {
        reasons.push('body: not JSON');
      }
    }
  } else if (operation.body) {
    if (request.body === undefined) {
      if (operation.body.required) reasons.push('body: missing (required)');
    } else {
      reasons.push(...refusalsOf(operation.body.schema, request.body, 'body'));
    }
  }
  return reasons;
}

/** The base request: each required parameter and the body from their schemas, then the fixture's values. */
export function baseRequest(operation: Operation, given: RequestValues): OperationRequest {
  const request: OperationRequest = { path: {}, query: {}, headers: {} };
  for (const parameter of operation.parameters) {
    if (parameter.required) request[placeOf(parameter)][parameter.name] = exampleOf(parameter.schema);
  }
  Object.assign(request.path, given.path);
  Object.assign(request.query, given.query);
  if (operation.body) request.body = { ...(exampleOf(operation.body.schema) as object), ...given.body };
  const refusals = documentRefusals(operation, request);
  if (refusals === undefined || refusals.length > 0) {
    throw new Error(`The base request of ${operation.operationId} is not valid: ${refusals?.join('; ')}`);
  }
  return request;
}

const copy = (request: OperationRequest): OperationRequest => ({
  ...request,
  path: { ...request.path },
  query: { ...request.query },
  headers: { ...request.headers },
});

function setParameter(request: OperationRequest, parameter: Parameter, value: unknown): OperationRequest {
  const next = copy(request);
  const place = next[placeOf(parameter)];
  if (value === undefined) delete place[parameter.name];
  else place[parameter.name] = value;
  return next;
}

/** Every variant of the base: each parameter and each body property changed to each of its candidates. */
export function variantsOf(operation: Operation, base: OperationRequest): Variant[] {
  const variants: Variant[] = [];
  for (const parameter of operation.parameters) {
    const current = base[placeOf(parameter)][parameter.name];
    const around = current === undefined ? exampleOf(parameter.schema) : current;
    const where = `${parameter.in} ${parameter.name}`;
    if (current === undefined) {
      variants.push({
        name: parameter.name,
        label: `${where}: given`,
        apply: (b) => setParameter(b, parameter, around),
      });
    } else {
      variants.push({
        name: parameter.name,
        label: `${where}: left out`,
        apply: (b) => setParameter(b, parameter, undefined),
      });
    }
    for (const candidate of candidatesFor(parameter.schema, around)) {
      // A parameter travels as text: the only wrong type it can carry is text that is not what it should be.
      if (candidate.label.startsWith('wrong type') && typeof candidate.value !== 'string') continue;
      const value = withCandidate(around, candidate.at, candidate.value);
      variants.push({
        name: parameter.name,
        label: `${where}: ${labelOf(candidate)}`,
        apply: (b) => setParameter(b, parameter, value),
      });
    }
  }
  if (operation.body) {
    const body = base.body;
    for (const candidate of candidatesFor(operation.body.schema, body)) {
      variants.push({
        name: candidate.at,
        label: `body: ${labelOf(candidate)}`,
        apply: (b) => ({ ...copy(b), body: withCandidate(b.body, candidate.at, candidate.value) }),
      });
    }
    variants.push(
      { name: '', label: 'body: none', apply: (b) => ({ ...copy(b), body: undefined }) },
      {
        name: '',
        label: 'body: malformed JSON',
        apply: (b) => ({ ...copy(b), rawBody: { text: '{"', contentType: 'application/json' } }),
      },
      {
        name: '',
        label: 'body: the JSON sent as text/plain',
        apply: (b) => ({ ...copy(b), rawBody: { text: JSON.stringify(b.body), contentType: 'text/plain' } }),
      },
    );
  }
  return variants;
}
