import * as z from 'zod/mini';
import * as actionSchemas from '../src/schemas/actions';
import * as aiSchemas from '../src/schemas/ai';
import { aiEstimateCreateParams } from '../src/schemas/ai';
import { MAX_CREDIT_TOTAL, MAX_CREDITS } from '../src/schemas/amount-rules';
import * as balanceSchemas from '../src/schemas/balance';
import * as chargeSchemas from '../src/schemas/charges';
import * as devSchemas from '../src/schemas/dev';
import * as eventSchemas from '../src/schemas/events';
import * as grantSchemas from '../src/schemas/grants';
import * as integrationSchemas from '../src/schemas/integrations';
import * as ledgerSchemas from '../src/schemas/ledger';
import * as planSchemas from '../src/schemas/plans';
import * as primitiveSchemas from '../src/schemas/primitives';
import {
  creditAmount,
  credits,
  creditTotal,
  positiveCreditAmount,
  resourceId,
  timestamp,
} from '../src/schemas/primitives';
import * as problemSchemas from '../src/schemas/problem';
import { problem, validationDetails } from '../src/schemas/problem';
import * as purchaseSchemas from '../src/schemas/purchases';
import { type RouteContract, type RouteRefusal, routes } from '../src/schemas/routes';
import * as sessionSchemas from '../src/schemas/sessions';
import * as spendLimitSchemas from '../src/schemas/spend-limits';
import * as usageSchemas from '../src/schemas/usage';

type Json = Record<string, unknown>;
type ZodSchema = z.core.$ZodType;

/**
 * Where component names come from. Primitives come last so that an alias such as
 * `grantListParams = pageParams` is named after the resource that uses it.
 */
const schemaModules: readonly Record<string, unknown>[] = [
  actionSchemas,
  aiSchemas,
  balanceSchemas,
  chargeSchemas,
  devSchemas,
  eventSchemas,
  grantSchemas,
  integrationSchemas,
  ledgerSchemas,
  planSchemas,
  problemSchemas,
  purchaseSchemas,
  sessionSchemas,
  spendLimitSchemas,
  usageSchemas,
  primitiveSchemas,
];

/** Routes that count prompt text on the server's shared token-counting threads, which may be full. */
const promptCountingRoutes = new Set(['POST /v1/ai/estimates']);

const creditsNote = 'At most 3 decimals: the server counts whole thousandths of a credit.';

/**
 * What the schemas enforce with refinements, which the JSON Schema export drops. Written here by hand, so a
 * changed refinement needs a change here too. The bounds come from the constant the refinement uses; the
 * decimals rule stays prose, as `multipleOf: 0.001` fails on binary floats in most validators.
 */
const refinementNotes = new Map<ZodSchema, Json>([
  [credits, { description: `A signed credit amount. ${creditsNote}`, minimum: -MAX_CREDITS, maximum: MAX_CREDITS }],
  [
    creditTotal,
    {
      description: `A signed credit total (a balance, a spend, a usage sum). ${creditsNote}`,
      minimum: -MAX_CREDIT_TOTAL,
      maximum: MAX_CREDIT_TOTAL,
    },
  ],
  [creditAmount, { description: `A credit amount, not negative. ${creditsNote}`, maximum: MAX_CREDITS }],
  [positiveCreditAmount, { description: `A credit amount above zero. ${creditsNote}`, maximum: MAX_CREDITS }],
  [timestamp, { description: 'An ISO 8601 timestamp.' }],
  [aiEstimateCreateParams, { anyOf: [{ required: ['inputTokens'] }, { required: ['prompt'] }] }],
]);

const accessNotes: Record<RouteContract['access'], string> = {
  secret_key: 'Secret key only (server side).',
  admin: 'Admins: a secret key, or the session token of an admin.',
  member: 'Any credential of the workspace: a secret key or a session token.',
};

/**
 * What each resource is, for a reader browsing the document by tag. A tag is a route's first path segment
 * after `/v1` (`dev` for the dev-only routes), in the order the route table first uses it.
 */
const tagDescriptions: Record<string, string> = {
  sessions:
    'Short-lived session tokens: the host server mints one with its secret key so a browser can call the API as ' +
    'a member or an admin of the workspace, without ever holding the secret key.',
  balance:
    "The workspace's spendable and pending credits, its plan allowance, rollover cap and the state of the next " +
    'renewal (R1, R7).',
  grants:
    'Credit grants: each plan period, rollover, purchase or granted credit is a grant with its own amount left and ' +
    'expiry; charges take from the one that expires soonest (R2).',
  ledger: 'The append-only record of every credit movement: grants, charges, refunds, forfeits and expiries.',
  plan: "The workspace's current plan and a change scheduled for the end of the period (R6).",
  plans:
    'The catalogue of plans a workspace can be on: the credits each period grants, the period (a month, a year ' +
    'or a trial), the tier and how unused credits roll over (R3–R5).',
  purchases: 'One-time credit purchases by an admin; bought credits never expire (R17).',
  actions:
    'The costs of actions, the billable units of work (a lookup of one field from a provider), and what an own ' +
    'provider key changes (R8, R10).',
  ai: 'AI models and their rates per 1,000 tokens, estimates of an AI run, and runs that reserve a budget before spending it (R9, R16).',
  charges:
    'Charges of actions on record fields: deduplicated, held to the spend limits and the balance, exactly once; ' +
    'and refunds when a provider delivered nothing (R2, R9–R15, R19).',
  workbooks: "A workbook's credit spend limit and what its charges have spent against it (R11).",
  enrichments: "A bulk enrichment's credit spend limit and what its charges have spent against it (R12).",
  integrations:
    "The data providers, and the workspace's own API key for a provider, with which its actions cost 0 credits (R10).",
  usage:
    'What the credits were spent on over a period, by day, workbook, action, provider or model, as JSON or CSV (R18).',
  events:
    'A live stream of server-sent events: balance updates, spend limits reached and cleared, renewals and refunds.',
  dev: 'Exists only when the reference server runs with `--dev`: fixtures for tests and demos.',
};

/** What each path placeholder names, by name: a name names the same thing on every route. */
const pathParameterDescriptions: Record<string, string> = {
  actionId: 'The catalogue id of the action, e.g. `find-mobile-phone`.',
  runId: 'The id of the AI run, as the caller chose it when opening the run.',
  chargeId: 'The id of the charge (`charge_…`).',
  workbookId: 'The id of the workbook, as the host product names it.',
  enrichmentId: 'The id of the bulk enrichment, as the host product names it.',
  provider: 'The id of the provider, e.g. `openai`: the `provider` of its actions and models.',
  workspaceId: 'The id of the workspace (`ws_…`).',
};

/** What each query parameter does, by name: a name does the same on every route. */
const queryParameterDescriptions: Record<string, string> = {
  limit: 'Items per page, 1–100; 50 when omitted.',
  cursor: 'The `nextCursor` of the previous page; omit it for the first page.',
  type: 'Only rows of this type.',
  ids: 'Up to 500 action ids, comma-separated; the whole catalogue when omitted.',
  groupBy: 'One row per UTC `day`, `workbook`, `action`, `provider` or `model` (AI charges only).',
  from: 'The first day, `YYYY-MM-DD` (UTC); 29 days before `to` when omitted.',
  to: 'The last day, inclusive, `YYYY-MM-DD` (UTC); today when omitted.',
  workbookId: "Only this workbook's charges.",
};

/** A tag or parameter without a description fails the build, so a new one gets its text in the tables above. */
function describe(name: string, descriptions: Record<string, string>): string {
  const description = descriptions[name];
  if (description === undefined) throw new Error(`${name} has no description: add it to the generator's tables.`);
  return description;
}

const successDescriptions: Record<RouteContract['successStatus'], string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
};

const ref = (pointer: string): Json => ({ $ref: pointer });
const schemaRef = (name: string): Json => ref(`#/components/schemas/${name}`);
const responseRef = (name: string): Json => ref(`#/components/responses/${name}`);
const requestIdHeader = { 'x-request-id': ref('#/components/headers/RequestId') };

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function isSchema(value: unknown): value is ZodSchema {
  return value instanceof z.core.$ZodType;
}

function openEnumDescription(knownValues: readonly string[]): string {
  return `Known values: ${knownValues.join(', ')}. Other values may appear in later versions; treat them as unknown, do not fail.`;
}

/**
 * Every schema reachable from `roots`. Walks each definition's fields generically (object shapes,
 * array elements, optional and nullable wrappers, record values, ...) so a new wrapper kind needs no
 * change here; checks are not schemas and are skipped by `isSchema`.
 */
function reachableSchemas(roots: readonly ZodSchema[]): Set<ZodSchema> {
  const seen = new Set<ZodSchema>();
  const visit = (value: unknown, depth: number): void => {
    if (isSchema(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      for (const field of Object.values(value._zod.def)) visit(field, 0);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
    } else if (typeof value === 'object' && value !== null && depth === 0) {
      // An object shape: its values are schemas. Deeper plain objects are settings, not schemas.
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const root of roots) visit(root, 0);
  return seen;
}

function routeSchemas(route: RouteContract): ZodSchema[] {
  const found: ZodSchema[] = [];
  if (route.query) found.push(route.query);
  if (route.body) found.push(route.body);
  if (typeof route.response !== 'string') found.push(route.response);
  for (const refusal of route.refusals ?? []) found.push(refusal.details);
  return found;
}

/**
 * Names every exported schema the routes use (and the error bodies) after its export, in a registry
 * kept here: the schema files are bundled into browsers, so they carry no metadata of their own.
 */
function buildRegistry(): { registry: z.core.$ZodRegistry<{ id: string }>; names: Map<ZodSchema, string> } {
  const roots = [...routes.flatMap(routeSchemas), problem, validationDetails, resourceId];
  const used = reachableSchemas(roots);
  const names = new Map<ZodSchema, string>();
  const owners = new Map<string, ZodSchema>();
  const name = (schema: ZodSchema, id: string): void => {
    if (names.has(schema)) return;
    if (owners.has(id)) throw new Error(`Two schemas would both be named ${id}.`);
    names.set(schema, id);
    owners.set(id, schema);
  };
  for (const module of schemaModules) {
    for (const [exportName, value] of Object.entries(module)) {
      if (isSchema(value) && used.has(value)) name(value, pascalCase(exportName));
    }
  }
  // A route schema written inline in the table still needs a name to be referenced by.
  for (const route of routes) {
    const base = pascalCase(route.operationId);
    if (route.query) name(route.query, `${base}Query`);
    if (route.body) name(route.body, `${base}Body`);
    if (typeof route.response !== 'string') name(route.response, `${base}Response`);
  }
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  return { registry, names };
}

function convertSchemas(registry: z.core.$ZodRegistry<{ id: string }>): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      // `openEnum` attaches its known values to a plain string schema; parsing accepts any string.
      if ('knownValues' in zodSchema && Array.isArray(zodSchema.knownValues)) {
        const knownValues = zodSchema.knownValues.map(String);
        jsonSchema.description = openEnumDescription(knownValues);
        jsonSchema.examples = knownValues;
      }
      const notes = refinementNotes.get(zodSchema);
      if (notes) Object.assign(jsonSchema, notes);
    },
  });
  const converted: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Only a schema reused without a name lands in `__shared`, and that happens for cycles alone.
    if (id === '__shared') throw new Error('A schema needs a shared definition: name it in the registry instead.');
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    converted[id] = rest;
  }
  return converted;
}

/** Path placeholders are host-product ids, held to the same rule as ids in bodies. */
function pathParameters(path: string, schema: Json): Json[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    description: describe(name, pathParameterDescriptions),
    schema,
  }));
}

function queryParameters(querySchema: Json, operationId: string): Json[] {
  const properties = querySchema.properties;
  if (querySchema.type !== 'object' || typeof properties !== 'object' || properties === null) {
    throw new Error(`The query of ${operationId} must be an object schema.`);
  }
  const required = Array.isArray(querySchema.required) ? querySchema.required : [];
  return Object.entries(properties as Record<string, Json>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    description: describe(name, queryParameterDescriptions),
    // Lists travel as one comma-separated value, `ids=a,b,c`, as the SDK sends them.
    ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
    schema,
  }));
}

function successResponse(route: RouteContract, names: Map<ZodSchema, string>): Json {
  const response: Json = { description: successDescriptions[route.successStatus], headers: requestIdHeader };
  if (route.response === 'text/csv') {
    response.content = { 'text/csv': { schema: { type: 'string' } } };
  } else if (route.response === 'text/event-stream') {
    response.description = 'A stream of server-sent events; a comment line keeps the connection alive.';
    response.content = { 'text/event-stream': { schema: { type: 'string' } } };
  } else if (route.response !== 'none') {
    response.content = { 'application/json': { schema: schemaRef(nameOf(route.response, names)) } };
  }
  return response;
}

function nameOf(schema: ZodSchema, names: Map<ZodSchema, string>): string {
  const found = names.get(schema);
  if (found === undefined) throw new Error('A route schema has no component name.');
  return found;
}

function operation(route: RouteContract, names: Map<ZodSchema, string>, schemas: Record<string, Json>): Json {
  const mutates = route.method !== 'GET';
  const parameters = pathParameters(route.path, schemaRef(nameOf(resourceId, names)));
  if (route.query) {
    const querySchema = schemas[nameOf(route.query, names)];
    if (!querySchema) throw new Error(`No JSON Schema for the query of ${route.operationId}.`);
    parameters.push(...queryParameters(querySchema, route.operationId));
  }
  if (mutates) parameters.push(ref('#/components/parameters/IdempotencyKey'));

  const responses: Json = { [route.successStatus]: successResponse(route, names) };
  // Path ids are checked like the body's ids, an Idempotency-Key like any stored text, and the event
  // stream's Last-Event-ID must be an id it sent.
  const checksInput = route.query || route.body || route.path.includes('{') || mutates;
  if (checksInput || route.response === 'text/event-stream') {
    responses['400'] = responseRef('ValidationFailed');
  }
  responses['401'] = responseRef('Unauthorized');
  if (route.access !== 'member') responses['403'] = responseRef('Forbidden');
  if (route.path.includes('{') || route.bodyReferences) responses['404'] = responseRef('NotFound');
  if (mutates) responses['409'] = responseRef('IdempotencyConflict');
  for (const refusal of route.refusals ?? []) responses[refusal.status] = refusalResponse(refusal, names);
  responses['429'] = responseRef('RateLimited');
  if (promptCountingRoutes.has(`${route.method} ${route.path}`)) responses['503'] = responseRef('ServerBusy');

  const devNote = 'Exists only when the reference server runs with `--dev`.';
  return {
    tags: [route.devOnly ? 'dev' : resourceTag(route.path)],
    summary: route.summary,
    description: route.devOnly ? `${devNote} ${accessNotes[route.access]}` : accessNotes[route.access],
    operationId: route.operationId,
    'x-access': route.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(nameOf(route.body, names)) } },
          },
        }
      : {}),
    responses,
  };
}

function resourceTag(path: string): string {
  const segment = path.split('/')[2];
  if (!segment) throw new Error(`${path} has no resource after /v1.`);
  return segment;
}

function problemResponse(
  description: string,
  schema: Json = schemaRef('Problem'),
  headers: Json = requestIdHeader,
): Json {
  return { description, headers, content: { 'application/problem+json': { schema } } };
}

/** A problem only some routes answer: its codes, and `details` in the schema the route declares. */
function refusalResponse(refusal: RouteRefusal, names: Map<ZodSchema, string>): Json {
  return problemResponse(refusal.description, {
    allOf: [
      schemaRef('Problem'),
      {
        type: 'object',
        properties: {
          code: { type: 'string', description: openEnumDescription(refusal.codes), examples: [...refusal.codes] },
          details: schemaRef(nameOf(refusal.details, names)),
        },
        required: ['details'],
      },
    ],
  });
}

const errorResponses: Json = {
  ValidationFailed: problemResponse(
    '`validation_failed`: a query parameter, a path id, the body or the `Idempotency-Key` does not match its ' +
      'schema, and `details.issues` names each invalid value (`run_exists` on `POST /v1/ai/runs`: the run id is taken).',
    { allOf: [schemaRef('Problem'), { type: 'object', properties: { details: schemaRef('ValidationDetails') } }] },
  ),
  Unauthorized: problemResponse('`unauthorized`: no credential, or an unknown or expired one.'),
  Forbidden: problemResponse('`forbidden`: the credential may not call this route (a member, or a session token).'),
  NotFound: problemResponse(
    "`not_found`: no such resource in the credential's workspace (another workspace's ids too), or the body " +
      'names an action, model or run that does not exist.',
  ),
  IdempotencyConflict: problemResponse(
    '`idempotency_conflict`: this `Idempotency-Key` was already used with a different request.',
  ),
  RateLimited: problemResponse('`rate_limited`: too many requests; retry after `Retry-After`.', schemaRef('Problem'), {
    ...requestIdHeader,
    'Retry-After': ref('#/components/headers/RetryAfter'),
  }),
  ServerBusy: problemResponse(
    '`server_busy`: too much prompt text from all workspaces is waiting to be counted; retry after `Retry-After`, ' +
      'or send `inputTokens` instead of `prompt`.',
    schemaRef('Problem'),
    { ...requestIdHeader, 'Retry-After': ref('#/components/headers/RetryAfter') },
  ),
};

/** Every `$ref` target under `value`, to keep only the components the document uses. */
function collectRefs(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.add(item);
      else collectRefs(item, into);
    }
  }
  return into;
}

/**
 * Query objects are registered only to be converted with references to the other components; they are
 * published as parameters, so their own components would be unused and are dropped here.
 */
function usedSchemas(schemas: Record<string, Json>, outside: unknown): Record<string, Json> {
  const prefix = '#/components/schemas/';
  const pending = [...collectRefs(outside, new Set())];
  const used = new Set<string>();
  for (let pointer = pending.pop(); pointer !== undefined; pointer = pending.pop()) {
    if (!pointer.startsWith(prefix)) continue;
    const id = pointer.slice(prefix.length);
    if (used.has(id)) continue;
    used.add(id);
    pending.push(...collectRefs(schemas[id], new Set()));
  }
  const kept: Record<string, Json> = {};
  for (const id of [...used].sort()) {
    const schema = schemas[id];
    if (schema) kept[id] = schema;
  }
  return kept;
}

/** The OpenAPI 3.1 document of the Credit API, built from the route table and the zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const { registry, names } = buildRegistry();
  const schemas = convertSchemas(registry);

  const paths: Record<string, Json> = {};
  const tags: string[] = [];
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    paths[route.path] = item;
    const built = operation(route, names, schemas);
    item[route.method.toLowerCase()] = built;
    const [tag] = built.tags as string[];
    if (tag !== undefined && !tags.includes(tag)) tags.push(tag);
  }

  const components: Json = {
    responses: errorResponses,
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Makes a mutation happen once (R19): a repeat with the same key returns the first result without acting ' +
          'again; the same key with a different request is a 409. The SDK sends one on every mutation and reuses it on retry.',
        schema: { type: 'string', minLength: 1 },
      },
    },
    headers: {
      RequestId: {
        description: 'Identifies the request; the same value as `requestId` in a problem body.',
        schema: { type: 'string' },
      },
      RetryAfter: {
        description: 'How long to wait before retrying: seconds, or an HTTP date.',
        schema: { type: 'string' },
      },
    },
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A workspace secret key (`sk_...`) on the server side, or in browsers a short-lived session token ' +
          'minted with `POST /v1/sessions`.',
      },
    },
  };

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'creditkit Credit API',
      version: '1',
      description:
        'Usage-based credits for a host product: balances and grants, plans, action and AI costs, charges and ' +
        'refunds, spend limits, own provider keys, usage and live events. Amounts are JSON numbers with at most 3 ' +
        'decimals. Errors are `application/problem+json`; every response carries `x-request-id`; every mutation ' +
        'takes an `Idempotency-Key`. Generated from the zod schemas in `packages/sdk/src/schemas`: do not edit by hand.',
      // The project publishes no site or address; whoever runs a Credit API is its contact.
      contact: { name: 'creditkit maintainers' },
      license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' },
    },
    servers: [{ url: 'http://127.0.0.1:4010' }],
    security: [{ bearer: [] }],
    tags: tags.map((name) => ({ name, description: describe(name, tagDescriptions) })),
    paths,
    components: { schemas: usedSchemas(schemas, { paths, components }), ...components },
  };
  // A plain JSON copy: what the test compares is exactly what gets written, with nothing non-enumerable left over.
  return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}

/** The committed file's exact text. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
