import { fillPath, type Operation, type Parameter } from './openapi-document';
import { type OperationRequest, parameterTexts } from './operation-requests';

/*
 * A request written on the wire with plain fetch, as a third party would, and the answer as read back.
 */

export interface Answer {
  status: number;
  headers: Headers;
  contentType: string;
  /** The parsed JSON body, the text of any other body, undefined for an event stream (never read to its end). */
  body: unknown;
}

/** How an array query value travels: as the operation declares it, or forced one way. */
export type ArrayStyle = 'declared' | 'joined' | 'repeated';

export interface WireRequest {
  url: string;
  init: RequestInit;
  /** What the request was, for failure messages. */
  description: string;
}

/**
 * A query value as it goes on the wire: percent-encoded, except the commas that join a list sent in one parameter
 * (`form` style, `explode: false`), which are delimiters; an encoded comma (`%2C`) belongs to its item.
 */
function queryText(parameter: Parameter, value: unknown, text: string): string {
  const commaJoined = Array.isArray(value) && !parameter.explode;
  return commaJoined ? text.split(',').map(encodeURIComponent).join(',') : encodeURIComponent(text);
}

/**
 * The request as a URL and fetch options; undefined when a URL cannot carry it (a path id of `.` or `..`
 * that the URL parser would resolve away, so the request would reach another route).
 */
export function onTheWire(
  baseUrl: string,
  operation: Operation,
  request: OperationRequest,
  credential: string | undefined,
  arrayStyle: ArrayStyle = 'declared',
): WireRequest | undefined {
  const pathValues: Record<string, string> = {};
  const queryPairs: string[] = [];
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const place = parameter.in === 'header' ? request.headers : request[parameter.in];
    const value = place[parameter.name];
    const styled =
      arrayStyle === 'declared' || !Array.isArray(value)
        ? parameter
        : { ...parameter, explode: arrayStyle === 'repeated' };
    const texts = parameterTexts(styled, value);
    if (texts === undefined) return undefined;
    for (const text of texts) {
      if (parameter.in === 'path') pathValues[parameter.name] = text;
      else if (parameter.in === 'query')
        queryPairs.push(`${encodeURIComponent(parameter.name)}=${queryText(styled, value, text)}`);
      else headers[parameter.name] = text;
    }
  }
  if (Object.keys(pathValues).length < operation.parameters.filter((one) => one.in === 'path').length) return undefined;
  const path = fillPath(operation.path, pathValues);
  const query = queryPairs.join('&');
  const url = `${baseUrl}${path}${query ? `?${query}` : ''}`;
  if (new URL(url).pathname !== path) return undefined;
  if (credential !== undefined) headers.authorization = `Bearer ${credential}`;
  let body: string | undefined;
  if (request.rawBody) {
    body = request.rawBody.text;
    headers['content-type'] = request.rawBody.contentType;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] = 'application/json';
  }
  const shownBody = body === undefined ? '' : ` ${body.length > 300 ? `${body.slice(0, 300)}…` : body}`;
  const shownKey = headers['Idempotency-Key'];
  return {
    url,
    init: { method: operation.method, headers, ...(body === undefined ? {} : { body }) },
    description: `${operation.method} ${path}${query ? `?${query.length > 300 ? `${query.slice(0, 300)}…` : query}` : ''}${
      shownKey === undefined ? '' : ` [Idempotency-Key ${shownKey.length > 40 ? `${shownKey.length} chars` : shownKey}]`
    }${shownBody}`,
  };
}

/** Sends the request; an event stream is closed once its headers arrive. */
export async function send(wire: WireRequest): Promise<Answer> {
  const response = await fetch(wire.url, wire.init);
  const contentType = response.headers.get('content-type') ?? '';
  let body: unknown;
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
  } else {
    const text = await response.text();
    body = contentType.includes('json') && text !== '' ? JSON.parse(text) : text;
  }
  return { status: response.status, headers: response.headers, contentType, body };
}

/** A short account of an answer for failure messages: status, problem code and message. */
export function describeAnswer(answer: Answer): string {
  const body = answer.body as { code?: unknown; message?: unknown } | undefined;
  if (answer.status >= 400 && typeof body === 'object' && body !== null) {
    return `${answer.status} ${String(body.code)} (${String(body.message).slice(0, 200)})`;
  }
  return `${answer.status} ${answer.contentType.split(';')[0]}`;
}
