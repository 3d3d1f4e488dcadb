import { createRequire } from 'node:module';

/*
 * The published OpenAPI document, read as a third party reads it: the operations of `paths`, their
 * parameters, bodies, declared statuses, security and access, with every `$ref` followed.
 */

/** A JSON Schema of the document (OpenAPI 3.1 schemas are JSON Schema 2020-12 plus annotations). */
export type Schema = { [keyword: string]: unknown };

export interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>;
  components: Record<string, Record<string, Schema>>;
  security?: unknown[];
}

export const openApiDocument = createRequire(import.meta.url)('@creditkit/sdk/openapi.json') as OpenApiDocument;

/** Where a parameter travels. */
export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: Schema;
  /** How an array travels in the query: `form` with `explode: false` is comma-joined. */
  explode: boolean;
}

/** Who the document says may call an operation (`x-access`); `none` for an operation that takes no credential. */
export type Access = 'secret_key' | 'admin' | 'member' | 'none';

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The path template, `{name}` for each path parameter. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: { schema: Schema; required: boolean };
  declaredStatuses: ReadonlySet<number>;
  /** False for `security: []`: the operation takes no credential. */
  needsCredential: boolean;
  access: Access;
  /** True when the operation declares the `Idempotency-Key` header (R19). */
  honoursIdempotencyKey: boolean;
  /** The media type of the success answer (`application/json`, `text/csv`, `text/event-stream`). */
  successMediaType: string | undefined;
}

const methods = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** Follows `$ref`s (local to the document) until the object is not a reference. */
export function resolve(schema: Schema, document: OpenApiDocument = openApiDocument): Schema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === 'string'; depth++) {
    if (depth > 32) throw new Error(`A $ref cycle at ${String(schema.$ref)}`);
    const pointer = current.$ref as string;
    if (!pointer.startsWith('#/')) throw new Error(`Only local $refs are followed, not ${pointer}`);
    let target: unknown = document;
    for (const segment of pointer.slice(2).split('/')) {
      const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
      target = (target as Record<string, unknown> | undefined)?.[key];
    }
    if (target === undefined || target === null || typeof target !== 'object') {
      throw new Error(`The $ref ${pointer} names nothing in the document`);
    }
    const { $ref: _followed, ...siblings } = current;
    current = { ...(target as Schema), ...siblings };
  }
  return current;
}

function parameterOf(raw: Schema, document: OpenApiDocument): Parameter {
  const parameter = resolve(raw, document);
  const location = parameter.in;
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    throw new Error(`A parameter in "${String(location)}" is not walked yet: add it to the conformance suite.`);
  }
  return {
    name: String(parameter.name),
    in: location,
    required: parameter.required === true,
    schema: (parameter.schema ?? {}) as Schema,
    // OpenAPI's default for the form style is explode: true (repeated names).
    explode: parameter.explode !== false,
  };
}

function accessOf(operation: Schema, needsCredential: boolean, where: string): Access {
  const access = operation['x-access'];
  if (!needsCredential) return 'none';
  if (access === 'secret_key' || access === 'admin' || access === 'member') return access;
  throw new Error(`${where} declares no x-access the suite knows (${String(access)}).`);
}

/** Every operation of the document's `paths`, in document order. */
export function operationsOf(document: OpenApiDocument = openApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = ((item.parameters as Schema[] | undefined) ?? []).map((raw) => parameterOf(raw, document));
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const own = ((operation.parameters as Schema[] | undefined) ?? []).map((raw) => parameterOf(raw, document));
      const parameters = [...shared.filter((one) => !own.some((other) => other.name === one.name)), ...own];
      const requestBody = operation.requestBody ? resolve(operation.requestBody as Schema, document) : undefined;
      const bodyContent = requestBody?.content as Record<string, { schema?: Schema }> | undefined;
      if (bodyContent && !bodyContent['application/json']) {
        throw new Error(`${where} takes a body that is not JSON: the conformance suite cannot build it yet.`);
      }
      const responses = operation.responses as Record<string, Schema>;
      const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
      const successContent = success ? (resolve(success[1], document).content as Schema | undefined) : undefined;
      const needsCredential = ((operation.security ?? document.security ?? []) as unknown[]).length > 0;
      operations.push({
        operationId: String(operation.operationId),
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters,
        ...(bodyContent
          ? {
              body: { schema: bodyContent['application/json']?.schema ?? {}, required: requestBody?.required === true },
            }
          : {}),
        declaredStatuses: new Set(Object.keys(responses).map(Number)),
        needsCredential,
        access: accessOf(operation, needsCredential, where),
        honoursIdempotencyKey: parameters.some(
          (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
        ),
        successMediaType: successContent ? Object.keys(successContent)[0] : undefined,
      });
    }
  }
  return operations;
}

/** The path with each `{name}` replaced by its value, percent-encoded as one segment. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}
