import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderOpenApiDocument } from '../scripts/openapi';
import { routes } from '../src/schemas/routes';

type Json = Record<string, unknown>;

const document = buildOpenApiDocument();
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): Json {
  const found = isObject(value) ? value[key] : undefined;
  if (!isObject(found)) throw new Error(`Expected an object at "${key}".`);
  return found;
}

/** Resolves a local JSON pointer (`#/a/b~1c`) in the document, or `undefined` when it leads nowhere. */
function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function deref(value: unknown): Json {
  const target = isObject(value) && typeof value.$ref === 'string' ? resolvePointer(value.$ref) : value;
  if (!isObject(target)) throw new Error(`Cannot resolve ${JSON.stringify(value)}.`);
  return target;
}

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.push(item);
      else collectRefs(item, into);
    }
  }
  return into;
}

function operations(): { path: string; method: string; operation: Json; pathItem: Json }[] {
  return Object.entries(field(document, 'paths')).flatMap(([path, pathItem]) =>
    Object.entries(pathItem as Json)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Json, pathItem: pathItem as Json })),
  );
}

describe('openapi.json', () => {
  it('is the document the schemas generate now', () => {
    let committed: string;
    try {
      committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    } catch {
      committed = '';
    }
    // Byte for byte, so the committed file's formatting is checked too.
    expect(committed, 'openapi.json is stale: run `pnpm --filter @creditkit/sdk openapi` and commit it.').toBe(
      renderOpenApiDocument(),
    );
  });

  it('is deterministic', () => {
    expect(renderOpenApiDocument()).toBe(renderOpenApiDocument());
  });

  it('has every route of the table, with its method and nothing else', () => {
    const paths = field(document, 'paths');
    for (const route of routes) {
      const operation = field(field(paths, route.path), route.method.toLowerCase());
      expect(operation.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
      expect(operation.summary).toBe(route.summary);
      expect(operation['x-access']).toBe(route.access);
      expect(Object.keys(field(operation, 'responses'))).toContain(String(route.successStatus));
    }
    expect(operations()).toHaveLength(routes.length);
  });

  it('is structurally valid OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
    const info = field(document, 'info');
    expect(typeof info.title).toBe('string');
    expect(typeof info.version).toBe('string');

    const unresolved = collectRefs(document).filter((pointer) => resolvePointer(pointer) === undefined);
    expect(unresolved, 'every $ref resolves within the document').toEqual([]);

    const components = field(document, 'components');
    for (const section of Object.values(components)) {
      for (const name of Object.keys(section as Json)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    }
    const schemes = Object.keys(field(components, 'securitySchemes'));
    for (const requirement of document.security as Json[]) {
      for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
    }

    const operationIds = operations().map(({ operation }) => operation.operationId);
    expect(new Set(operationIds).size, 'operationIds are unique').toBe(operationIds.length);

    for (const { path, method, operation, pathItem } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\//);
      const parameters = [
        ...((pathItem.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ].map(deref);
      for (const parameter of parameters) {
        expect(['path', 'query', 'header', 'cookie'], where).toContain(parameter.in);
        expect(typeof parameter.name, where).toBe('string');
        expect(isObject(parameter.schema) || isObject(parameter.content), where).toBe(true);
        if (parameter.in === 'path') expect(parameter.required, `${where} ${String(parameter.name)}`).toBe(true);
      }
      const keys = parameters.map((parameter) => `${String(parameter.in)}:${String(parameter.name)}`);
      expect(new Set(keys).size, `${where}: parameters are unique`).toBe(keys.length);

      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const pathParameters = parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name)
        .sort();
      expect(pathParameters, `${where}: path parameters match the placeholders`).toEqual(placeholders);

      const responses = field(operation, 'responses');
      expect(Object.keys(responses).length, where).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(responses)) {
        expect(status, where).toMatch(/^([1-5](\d\d|XX)|default)$/);
        expect(typeof deref(response).description, `${where} ${status}`).toBe('string');
        expect(Object.keys(field(deref(response), 'headers')), `${where} ${status}`).toContain('x-request-id');
      }
      if (operation.requestBody !== undefined) {
        expect(Object.keys(field(deref(operation.requestBody), 'content')), where).toContain('application/json');
      }
    }
  });

  it('describes the charge request and the charge status as the contract does', () => {
    const schemas = field(field(document, 'components'), 'schemas');
    expect(field(schemas, 'ChargeCreateParams').required).toEqual(
      expect.arrayContaining(['actionId', 'workbookId', 'recordId', 'field']),
    );
    const status = deref(field(field(schemas, 'Charge'), 'properties').status);
    expect(status.description).toMatch(/deduplicated/);
    // The known values for generators to offer, and any other string, so a status added by a later server does
    // not fail an older client.
    expect(status.anyOf).toEqual([
      { type: 'string', enum: ['charged', 'own_key', 'deduplicated', 'refunded'] },
      { type: 'string' },
    ]);
  });

  it('documents credit refusals on the routes that spend', () => {
    const paymentRequired = operations()
      .filter(({ operation }) => '402' in field(operation, 'responses'))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(paymentRequired.sort()).toEqual(['POST /v1/ai/runs', 'POST /v1/charges']);
  });
});
