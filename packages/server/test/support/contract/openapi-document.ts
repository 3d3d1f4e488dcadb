import { createRequire } from 'node:module';

/*
 * The published OpenAPI document as the tests read it: which operation a request reached, and what the
 * document declares it may answer. Only the parts the answer checks need are typed.
 */

export interface HeaderObject {
  required?: boolean;
  schema?: unknown;
}

export interface MediaTypeObject {
  schema?: unknown;
  /** The schema of each item of a sequential media type (OpenAPI 3.2's `itemSchema`): one event of a stream. */
  'x-itemSchema'?: unknown;
}

export interface ResponseObject {
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject | Reference>;
}

export interface Reference {
  $ref: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

/** The document the SDK publishes, `@creditkit/sdk/openapi.json`. */
export const creditApiDocument = createRequire(import.meta.url)('@creditkit/sdk/openapi.json') as OpenApiDocument;

const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Where a request landed in the document. */
export type OperationMatch =
  | {
      kind: 'operation';
      /** `GET /v1/balance (getBalance)`, for messages. */
      name: string;
      operation: OperationObject;
      /** JSON pointer of the operation object in the document. */
      pointer: string;
    }
  | { kind: 'unknown-path' }
  | { kind: 'wrong-method'; allowed: readonly string[] };

/** A JSON pointer's segment, escaped (RFC 6901). */
export const pointerSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

const templatePattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * The operation `method` + `pathname` (as sent, still percent-encoded) reaches. A template segment matches one
 * non-empty path segment; of several matching templates the one with the most literal segments wins.
 */
export function matchOperation(document: OpenApiDocument, method: string, pathname: string): OperationMatch {
  const candidates = Object.keys(document.paths)
    .filter((template) => templatePattern(template).test(pathname))
    .sort((a, b) => literalSegments(b) - literalSegments(a));
  const template = candidates[0];
  if (template === undefined) return { kind: 'unknown-path' };
  const pathItem = document.paths[template] ?? {};
  const declared = operationMethods.filter((candidate) => candidate in pathItem);
  const lower = method.toLowerCase() as (typeof operationMethods)[number];
  if (!declared.includes(lower)) return { kind: 'wrong-method', allowed: declared.map((name) => name.toUpperCase()) };
  const operation = pathItem[lower] as OperationObject;
  return {
    kind: 'operation',
    name: `${method.toUpperCase()} ${template}${operation.operationId ? ` (${operation.operationId})` : ''}`,
    operation,
    pointer: `/paths/${pointerSegment(template)}/${lower}`,
  };
}

const literalSegments = (template: string) => template.split('/').filter((part) => !part.includes('{')).length;

/** The object a local `$ref` (`#/components/...`) names, with its JSON pointer. */
export function resolve<T>(document: OpenApiDocument, value: T | Reference, pointer: string): [T, string] {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return [value as T, pointer];
  const target = value.$ref;
  if (!target.startsWith('#/')) throw new Error(`${pointer}: only local references are supported, not ${target}`);
  let found: unknown = document;
  for (const segment of target.slice(2).split('/')) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    found = (found as Record<string, unknown> | undefined)?.[key];
  }
  if (found === undefined) throw new Error(`${pointer}: ${target} names nothing in the document`);
  return resolve(document, found as T | Reference, target.slice(1));
}

/** The response the operation declares for `status` (exact, then `4XX`-style, then `default`), with its pointer. */
export function declaredResponse(
  document: OpenApiDocument,
  match: Extract<OperationMatch, { kind: 'operation' }>,
  status: number,
): [ResponseObject, string] | undefined {
  const { responses } = match.operation;
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
  if (key === undefined) return undefined;
  return resolve(
    document,
    responses[key] as ResponseObject | Reference,
    `${match.pointer}/responses/${pointerSegment(key)}`,
  );
}
