import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isDecimalMultiple } from './decimal-multiple';
import type { OpenApiDocument } from './openapi-document';

/*
 * The document's schemas compiled by Ajv, a validator that shares no code with the zod schemas the document
 * is generated from (JSON Schema 2020-12, OpenAPI 3.1's dialect). Each schema is compiled the first time an
 * answer needs it and kept; the whole document is one Ajv resource, so `#/components/schemas/...`
 * references resolve as they do for any reader of the document.
 */

const documentId = 'https://creditkit.dev/openapi.json';

/** Every `x-` key anywhere in the document: extensions are annotations, never an unknown keyword. */
function extensionKeywords(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) extensionKeywords(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeywords(item, found);
    }
  }
  return found;
}

export interface SchemaValidators {
  /**
   * Validates `value` against the schema at `pointer` (a JSON pointer into the document): the errors, or
   * none. A schema that does not compile is itself reported, as an error of the document.
   */
  validate(pointer: string, value: unknown): string[];
  /** Validates `value` against a schema given here rather than in the document. */
  validateAgainst(schema: object, value: unknown): string[];
}

export function createSchemaValidators(document: OpenApiDocument): SchemaValidators {
  const ajv = new Ajv2020({
    // Unknown keywords, unresolvable references and ignored constraints in the document fail loudly.
    strict: true,
    // `type: ["string", "number"]` is plain JSON Schema (a validation issue's path holds keys and indexes).
    allowUnionTypes: true,
    allErrors: true,
  });
  addFormats(ajv);
  // Amounts are `multipleOf: 0.001`: checked on their decimal digits, as the specification means it, not by
  // binary division, which refuses some amounts with 3 decimals (see decimal-multiple.ts).
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    validate: (divisor: number, value: number) => isDecimalMultiple(value, divisor),
    error: { message: ({ schema }) => `must be a multiple of ${String(schema)}` },
  });
  // OpenAPI's own annotations on a Schema Object beside JSON Schema's, and the document's top-level fields
  // (`openapi`, `paths`, ...): Ajv compiles the root of a resource to resolve a pointer into it.
  // `discriminator` too: Ajv's own support refuses a `mapping`, which OpenAPI needs when the values are not
  // schema names; `oneOf` over branches with a `const` type already holds each event to exactly one schema.
  const annotations = new Set([
    'discriminator',
    'example',
    'externalDocs',
    'xml',
    ...Object.keys(document),
    ...extensionKeywords(document),
  ]);
  for (const keyword of annotations) ajv.addKeyword(keyword);
  ajv.addSchema(document as object, documentId);

  const compiled = new Map<string, ValidateFunction | Error>();
  const compileOnce = (key: string, compile: () => ValidateFunction): ValidateFunction | Error => {
    let validator = compiled.get(key);
    if (validator === undefined) {
      try {
        validator = compile();
      } catch (error) {
        validator = error instanceof Error ? error : new Error(String(error));
      }
      compiled.set(key, validator);
    }
    return validator;
  };
  const run = (where: string, validator: ValidateFunction | Error, value: unknown): string[] => {
    if (validator instanceof Error) return [`the document's schema ${where} does not compile: ${validator.message}`];
    return validator(value) ? [] : (validator.errors ?? []).map(describeError);
  };

  return {
    validate(pointer, value) {
      const fragment = pointer
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
      // Through a reference, so every error's schemaPath says where in the document it is.
      const validator = compileOnce(pointer, () => ajv.compile({ $ref: `${documentId}#${fragment}` }));
      return run(`at ${pointer}`, validator, value);
    },
    validateAgainst(schema, value) {
      return run(
        'given',
        compileOnce(JSON.stringify(schema), () => ajv.compile(schema)),
        value,
      );
    },
  };
}

/** One Ajv error as a line: where in the body, what failed, and the keyword's parameters. */
function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the body' : error.instancePath;
  const schemaPath = error.schemaPath.replace(documentId, '');
  return `${where} ${error.message ?? error.keyword} (${schemaPath} ${JSON.stringify(error.params)})`;
}
