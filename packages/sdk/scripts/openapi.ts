import { MAX_CREDIT_TOTAL, MAX_CREDITS } from '@creditkit/rules';
import * as z from 'zod/mini';
import * as actionSchemas from '../src/schemas/actions';
import * as aiSchemas from '../src/schemas/ai';
import { aiEstimateCreateParams } from '../src/schemas/ai';
import * as alertSchemas from '../src/schemas/alerts';
import * as autoTopUpSchemas from '../src/schemas/auto-top-up';
import * as balanceSchemas from '../src/schemas/balance';
import * as chargeSchemas from '../src/schemas/charges';
import * as devSchemas from '../src/schemas/dev';
import * as eventSchemas from '../src/schemas/events';
import { creditEvent, eventId } from '../src/schemas/events';
import * as grantSchemas from '../src/schemas/grants';
import * as healthSchemas from '../src/schemas/health';
import * as integrationSchemas from '../src/schemas/integrations';
import * as ledgerSchemas from '../src/schemas/ledger';
import * as planSchemas from '../src/schemas/plans';
import * as primitiveSchemas from '../src/schemas/primitives';
import {
  calendarDate,
  creditAmount,
  credits,
  creditTotal,
  idempotencyKey,
  positiveCreditAmount,
  resourceId,
  timestamp,
  timestampInput,
} from '../src/schemas/primitives';
import * as problemSchemas from '../src/schemas/problem';
import { problem, validationDetails } from '../src/schemas/problem';
import * as purchaseSchemas from '../src/schemas/purchases';
import * as quoteSchemas from '../src/schemas/quotes';
import { quoteCreateParams, quoteRecordIds, quoteUsage } from '../src/schemas/quotes';
import { type RouteContract, type RouteRefusal, routes } from '../src/schemas/routes';
import * as sessionSchemas from '../src/schemas/sessions';
import * as spendLimitSchemas from '../src/schemas/spend-limits';
import * as usageSchemas from '../src/schemas/usage';
import * as usageActivitySchemas from '../src/schemas/usage-activity';
import * as webhookEndpointSchemas from '../src/schemas/webhook-endpoints';
import { webhookEndpointUpdateParams, webhookUrl } from '../src/schemas/webhook-endpoints';

type Json = Record<string, unknown>;
type ZodSchema = z.core.$ZodType;

/**
 * Where component names come from. Primitives come last so that an alias such as
 * `grantListParams = pageParams` is named after the resource that uses it.
 */
const schemaModules: readonly Record<string, unknown>[] = [
  actionSchemas,
  aiSchemas,
  alertSchemas,
  autoTopUpSchemas,
  balanceSchemas,
  chargeSchemas,
  devSchemas,
  eventSchemas,
  grantSchemas,
  healthSchemas,
  integrationSchemas,
  ledgerSchemas,
  planSchemas,
  problemSchemas,
  purchaseSchemas,
  quoteSchemas,
  sessionSchemas,
  spendLimitSchemas,
  usageSchemas,
  usageActivitySchemas,
  webhookEndpointSchemas,
  primitiveSchemas,
];

/** Routes that count prompt text on the server's shared token-counting threads, which may be full. */
const promptCountingRoutes = new Set(['POST /v1/ai/estimates', 'POST /v1/quotes']);

const creditsNote =
  'At most 3 decimals (`multipleOf: 0.001`): the server counts whole thousandths of a credit. Check the decimal ' +
  'digits as written: dividing binary floats misjudges large amounts (999999.999 / 0.001 = 999999998.9999999).';

/**
 * What the schemas enforce with refinements, which the JSON Schema export drops. Written here by hand, so a
 * changed refinement needs a change here too; the bounds come from the constant the refinement uses.
 */
const refinementNotes = new Map<ZodSchema, Json>([
  [timestamp, { format: 'date-time', description: 'An RFC 3339 timestamp, e.g. `2026-12-03T14:00:00.000Z`.' }],
  [
    timestampInput,
    {
      format: 'date-time',
      description:
        'An RFC 3339 timestamp with seconds and an offset (`Z` or `±hh:mm`), e.g. `2026-12-03T14:00:00Z`, of a day ' +
        'and time that exist.',
    },
  ],
  [
    calendarDate,
    {
      format: 'date',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'A calendar date, `YYYY-MM-DD`, of a day that exists.',
    },
  ],
  [
    credits,
    {
      description: `A signed credit amount. ${creditsNote}`,
      minimum: -MAX_CREDITS,
      maximum: MAX_CREDITS,
      multipleOf: 0.001,
    },
  ],
  [
    creditTotal,
    {
      description: `A signed credit total (a balance, a spend, a usage sum). ${creditsNote}`,
      minimum: -MAX_CREDIT_TOTAL,
      maximum: MAX_CREDIT_TOTAL,
      multipleOf: 0.001,
    },
  ],
  [
    creditAmount,
    { description: `A credit amount, not negative. ${creditsNote}`, maximum: MAX_CREDITS, multipleOf: 0.001 },
  ],
  [quoteRecordIds, { uniqueItems: true }],
  [
    webhookUrl,
    {
      format: 'uri',
      description:
        'An absolute `http://` or `https://` URL with a host, without user name, password or fragment. The server ' +
        'refuses (400 `webhook_url_refused`) one that names or resolves to a loopback, private, link-local, shared, ' +
        'unspecified, multicast or cloud metadata address (loopback is allowed in dev mode).',
    },
  ],
  [webhookEndpointUpdateParams, { minProperties: 1 }],
  [
    positiveCreditAmount,
    { description: `A credit amount above zero. ${creditsNote}`, maximum: MAX_CREDITS, multipleOf: 0.001 },
  ],
]);

/**
 * A refinement that says "this field or that one" cannot be exported, and a top-level `anyOf` that only lists
 * `required` makes generators type the body as `unknown`. So the body is published as one complete object
 * shape per alternative, each requiring its field: generators type it as a union of the two. When exactly one
 * may be given (`exclusive`), each shape also refuses the others' fields, so the shapes never overlap.
 */
const eitherFieldRequired = new Map<ZodSchema, { fields: readonly string[]; exclusive: boolean }>([
  [aiEstimateCreateParams, { fields: ['inputTokens', 'prompt'], exclusive: false }],
  [quoteUsage, { fields: ['inputTokens', 'prompt'], exclusive: false }],
  [quoteCreateParams, { fields: ['recordIds', 'rows'], exclusive: true }],
]);

function splitByRequiredField(jsonSchema: Json, fields: readonly string[], exclusive: boolean): void {
  const { type, properties, required, additionalProperties } = jsonSchema;
  const shared = Array.isArray(required) ? required : [];
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  // A shape that has `field`: the value `not` refuses in the shapes of the other fields.
  const having = (field: string): Json => ({
    properties: { [field]: (properties as Record<string, Json>)[field] },
    required: [field],
  });
  jsonSchema.anyOf = fields.map((name) => {
    const others = fields.filter((other) => other !== name).map(having);
    return {
      type,
      properties,
      required: [...shared, name],
      ...(additionalProperties === undefined ? {} : { additionalProperties }),
      ...(exclusive ? { not: others.length === 1 ? others[0] : { anyOf: others } } : {}),
    };
  });
}

const accessNotes: Record<RouteContract['access'], string> = {
  secret_key: 'Secret key only (server side).',
  admin: 'Admins: a secret key, or the session token of an admin.',
  member: 'Any credential of the workspace: a secret key or a session token.',
  anyone: 'No credential: anyone who can reach the server.',
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
  quotes:
    'What a run would cost before it starts: rows to charge, already paid and free by own key, the credits, the ' +
    'balance after and the limit that would stop it, decided as its charges would be and writing nothing (R23).',
  workbooks: "A workbook's credit spend limit and what its charges have spent against it (R11).",
  enrichments: "A bulk enrichment's credit spend limit and what its charges have spent against it (R12).",
  alerts:
    'Threshold alerts on the balance (credits, or a percentage of the plan allowance) and on workbook and ' +
    'enrichment spend limits and run budgets (percentage used): each fires `alert.triggered` once when its ' +
    'threshold is crossed and re-arms when the value comes back (R25). At most 50 per workspace.',
  'auto-top-up':
    'Credits added at once when a change takes the spendable balance below a threshold an admin set: one top-up ' +
    'per crossing, announced by `topup.completed` (a host bills it from that event), never past a monthly cap ' +
    'counted in the UTC calendar month, past which `topup.capped` is sent instead (R27).',
  integrations:
    "The data providers, and the workspace's own API key for a provider, with which its actions cost 0 credits (R10).",
  usage:
    'What the credits were spent on over a period, by day, workbook, action, provider, model or trigger, as JSON ' +
    'or CSV (R18), and why: the activity by day, workbook, action, trigger and run (R24).',
  events:
    'A live stream of server-sent events: balance updates, spend limits reached and cleared, renewals, refunds, alerts triggered, credits granted or expired, and auto top-ups made or capped.',
  'webhook-endpoints':
    "URLs of the host's backend that receive the workspace's events at least once, each delivery signed per the " +
    'Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with ' +
    'back-off for a day, logged and redeliverable (R26). The secret key or an admin only.',
  health:
    'For the balancer or orchestrator in front of several instances, outside the versioned API: liveness (the ' +
    'process answers) and readiness (the database answers, the schema is complete and the server is not ' +
    'draining). No credential, no rate limit, no body.',
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
  alertId: 'The id of the alert (`alert_…`).',
  endpointId: 'The id of the webhook endpoint (`we_…`).',
  deliveryId: 'The id of the delivery (`msg_…`): the `webhook-id` its attempts carry.',
};

/** What each query parameter does, by name: a name does the same on every route. */
const queryParameterDescriptions: Record<string, string> = {
  limit: 'Items per page, 1–100; 50 when omitted.',
  cursor:
    'The `nextCursor` of the previous page; omit it for the first page. Cursors are opaque: a value that is not ' +
    'one is a 400.',
  type: 'Only rows of this type.',
  ids:
    'Up to 500 action ids, comma-separated (a comma may be sent encoded, `%2C`, as URLSearchParams sends it; ' +
    'repeating `ids` works too); the whole catalogue when omitted.',
  lastEventId:
    'Resume after this event, for a first connection that continues where an earlier one left off; ' +
    '`Last-Event-ID` takes precedence.',
  groupBy:
    'One row per UTC `day`, `workbook`, `action`, `provider`, `model` (AI charges only) or `trigger` (why the ' +
    'charges happened: `run`, `rerun`, `auto_update`, R24).',
  from: 'The first day, `YYYY-MM-DD` (UTC); 29 days before `to` when omitted.',
  to:
    'The last day, inclusive, `YYYY-MM-DD` (UTC); today when omitted. Usage activity covers at most 92 days ' +
    'from `from`; a longer period is a 400.',
  workbookId: "Only this workbook's charges.",
  actionId: "Only this action's charges.",
  trigger: 'Only charges with this trigger: `run`, `rerun` or `auto_update` (R24).',
  totals:
    'The CSV: `none` (the default) writes data lines only, so a program can sum any column; `last_row` ends with a ' +
    '`Total (all rows)` line of the sums, for a person.',
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
/** The headers of an answer a repeated `Idempotency-Key` may replay: a success, or a credit refusal. */
const replayableHeaders = { ...requestIdHeader, 'Idempotent-Replayed': ref('#/components/headers/IdempotentReplayed') };

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function isSchema(value: unknown): value is ZodSchema {
  return value instanceof z.core.$ZodType;
}

function openEnumDescription(knownValues: readonly string[]): string {
  return `Known values: ${knownValues.join(', ')}. Other values may appear in later versions; treat them as unknown, do not fail.`;
}

/** An open enum: one of the known values, or any other string a later version adds. */
function openEnumSchema(knownValues: readonly string[]): Json {
  return {
    description: openEnumDescription(knownValues),
    anyOf: [{ type: 'string', enum: [...knownValues] }, { type: 'string' }],
  };
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
  if (route.events) found.push(route.events);
  for (const refusal of route.refusals ?? []) {
    if (refusal.details) found.push(refusal.details);
  }
  return found;
}

/**
 * Names every exported schema the routes use (and the error bodies) after its export, in a registry
 * kept here: the schema files are bundled into browsers, so they carry no metadata of their own.
 */
function buildRegistry(): { registry: z.core.$ZodRegistry<{ id: string }>; names: Map<ZodSchema, string> } {
  const roots = [...routes.flatMap(routeSchemas), problem, validationDetails, resourceId, idempotencyKey];
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

/** The events of a stream told apart by `type`, mapped to their components, for generators that read `discriminator`. */
function eventDiscriminator(events: typeof creditEvent, names: Map<ZodSchema, string>): Json {
  const mapping: Record<string, string> = {};
  for (const option of events.def.options) {
    const [type] = option.def.shape.type.def.values;
    mapping[String(type)] = `#/components/schemas/${nameOf(option, names)}`;
  }
  return { propertyName: 'type', mapping };
}

function convertSchemas(
  registry: z.core.$ZodRegistry<{ id: string }>,
  names: Map<ZodSchema, string>,
): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      // `openEnum` attaches its known values to a plain string schema; parsing accepts any string.
      if ('knownValues' in zodSchema && Array.isArray(zodSchema.knownValues)) {
        delete jsonSchema.type;
        Object.assign(jsonSchema, openEnumSchema(zodSchema.knownValues.map(String)));
      }
      // `maxCharacters` counts as `maxLength` does (code points); a refinement, so the export drops it.
      for (const check of zodSchema._zod.def.checks ?? []) {
        if ('maxCharacters' in check && typeof check.maxCharacters === 'number')
          jsonSchema.maxLength = check.maxCharacters;
      }
      const notes = refinementNotes.get(zodSchema);
      if (notes) Object.assign(jsonSchema, notes);
      const alternatives = eitherFieldRequired.get(zodSchema);
      if (alternatives) splitByRequiredField(jsonSchema, alternatives.fields, alternatives.exclusive);
      // Each event's `type` is a constant, so exactly one branch matches: `oneOf`, told apart by `type`.
      if (zodSchema === creditEvent) {
        const { anyOf } = jsonSchema;
        delete jsonSchema.anyOf;
        Object.assign(jsonSchema, {
          type: 'object',
          oneOf: anyOf,
          discriminator: eventDiscriminator(creditEvent, names),
        });
      }
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
  const response: Json = {
    description: successDescriptions[route.successStatus],
    headers: route.idempotent ? replayableHeaders : requestIdHeader,
  };
  if (route.response === 'text/csv') {
    response.description =
      'RFC 4180 CSV, UTF-8, CRLF line ends. The header row names the first column for `groupBy` (`date`, ' +
      '`workbook_id`, `action_id`, `provider_id`, `model_id` or `trigger`), then `trigger` (unless grouped by ' +
      'trigger), `charges`, `credits_charged`, `credits_refunded`, `credits_net`; one row per group and trigger in ' +
      "the JSON report's order; with `totals=last_row`, a last row keyed `Total (all rows)`. A key that starts " +
      'with `=`, `+`, `-`, `@`, a tab or an apostrophe gets one apostrophe in front, so a spreadsheet never reads ' +
      'it as a formula.';
    response.headers = {
      ...requestIdHeader,
      'Content-Disposition': ref('#/components/headers/ContentDisposition'),
    };
    response.content = { 'text/csv': { schema: { type: 'string' } } };
  } else if (route.response === 'text/event-stream') {
    if (!route.events) throw new Error(`${route.operationId} streams events but declares no event schema.`);
    response.description =
      'A stream of server-sent events: each has `id:`, `event:` (its type) and a `data:` line holding the JSON ' +
      '`CreditEvent`. A comment line keeps the connection alive. The stream ends when the session token expires; ' +
      'reconnect with a fresh one and `Last-Event-ID`.';
    response.content = {
      'text/event-stream': {
        schema: { type: 'string' },
        // OpenAPI 3.2 names this `itemSchema`; 3.1 has no word for the schema of each streamed item.
        'x-itemSchema': schemaRef(nameOf(route.events, names)),
      },
    };
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

/** The parameters of a route: path ids, query parameters and the headers it reads. */
function parametersOf(route: RouteContract, names: Map<ZodSchema, string>, schemas: Record<string, Json>): Json[] {
  const parameters = pathParameters(route.path, schemaRef(nameOf(resourceId, names)));
  if (route.query) {
    const querySchema = schemas[nameOf(route.query, names)];
    if (!querySchema) throw new Error(`No JSON Schema for the query of ${route.operationId}.`);
    parameters.push(...queryParameters(querySchema, route.operationId));
  }
  if (route.response === 'text/event-stream') parameters.push(ref('#/components/parameters/LastEventId'));
  if (route.idempotent) parameters.push(ref('#/components/parameters/IdempotencyKey'));
  return parameters;
}

/**
 * Every status the route can answer, and no other: what it was declared to do, plus what the server's middleware
 * answers for it (a credential, a body, a rate limit).
 */
function responsesOf(route: RouteContract, names: Map<ZodSchema, string>): Json {
  const responses: Json = { [route.successStatus]: successResponse(route, names) };
  const checksInput =
    route.query || route.body || route.path.includes('{') || route.idempotent || route.response === 'text/event-stream';
  const invalidValue = route.refusals?.find((refusal) => refusal.status === 400);
  if (invalidValue) responses['400'] = validationFailedResponse(invalidValue);
  else if (checksInput) responses['400'] = responseRef('ValidationFailed');
  if (route.access !== 'anyone') responses['401'] = responseRef('Unauthorized');
  if (route.access === 'admin' || route.access === 'secret_key') responses['403'] = responseRef('Forbidden');
  if (route.notFound) responses['404'] = problemResponse(`\`not_found\`: ${notFoundDescription(route.notFound)}`);
  if (route.idempotent) responses['409'] = responseRef('IdempotencyConflict');
  if (route.method !== 'GET') responses['413'] = responseRef('PayloadTooLarge');
  if (route.body) responses['415'] = responseRef('UnsupportedMediaType');
  for (const refusal of route.refusals ?? []) {
    if (refusal.status !== 400) responses[refusal.status] = refusalResponse(refusal, route, names);
  }
  if (route.access !== 'anyone') responses['429'] = responseRef('RateLimited');
  if (promptCountingRoutes.has(`${route.method} ${route.path}`)) responses['503'] = responseRef('ServerBusy');
  return responses;
}

function notFoundDescription(what: string): string {
  return `${what} does not exist in the credential's workspace (another workspace's ids do not either).`;
}

function operation(route: RouteContract, names: Map<ZodSchema, string>, schemas: Record<string, Json>): Json {
  const parameters = parametersOf(route, names, schemas);
  const devNote = 'Exists only when the reference server runs with `--dev`.';
  return {
    tags: [tagOf(route)],
    summary: route.summary,
    description: route.devOnly ? `${devNote} ${accessNotes[route.access]}` : accessNotes[route.access],
    operationId: route.operationId,
    'x-access': route.access,
    ...(route.access === 'anyone' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(nameOf(route.body, names)) } },
          },
        }
      : {}),
    responses: responsesOf(route, names),
  };
}

/** The resource after `/v1`; `dev` for the dev-only routes, `health` for a balancer's checks outside `/v1`. */
function tagOf(route: RouteContract): string {
  if (route.devOnly) return 'dev';
  const [, version, segment] = route.path.split('/');
  if (version !== 'v1') return 'health';
  if (!segment) throw new Error(`${route.path} has no resource after /v1.`);
  return segment;
}

function problemResponse(
  description: string,
  schema: Json = schemaRef('Problem'),
  headers: Json = requestIdHeader,
): Json {
  return { description, headers, content: { 'application/problem+json': { schema } } };
}

/** A problem whose `code` is one of `codes` (more may come) and whose `details`, if any, match `details`. */
function problemWith(codes: readonly string[], details: Json | undefined, detailsRequired: boolean): Json {
  return {
    allOf: [
      schemaRef('Problem'),
      {
        type: 'object',
        properties: { code: openEnumSchema(codes), ...(details ? { details } : {}) },
        ...(details && detailsRequired ? { required: ['details'] } : {}),
      },
    ],
  };
}

const validationFailedDescription =
  '`validation_failed`: a query parameter, a path id, a header (`Idempotency-Key`, `Last-Event-ID`) or the body ' +
  'does not match its schema, or the body is not JSON; `details.issues` names each invalid value.';

/** The route's 400: `validation_failed`, or a refusal of a value that is well-formed but cannot be used. */
function validationFailedResponse(refusal: RouteRefusal): Json {
  return problemResponse(
    `${validationFailedDescription} ${refusal.description}`,
    problemWith(['validation_failed', ...refusal.codes], schemaRef('ValidationDetails'), false),
  );
}

/** A problem only some routes answer: its codes, and `details` in the schema the route declares. */
function refusalResponse(refusal: RouteRefusal, route: RouteContract, names: Map<ZodSchema, string>): Json {
  // A credit refusal is stored with the key and replayed; a 422 is refused before anything is stored.
  const replayable = route.idempotent && refusal.status === 402;
  const details = refusal.details ? schemaRef(nameOf(refusal.details, names)) : undefined;
  return problemResponse(
    refusal.description,
    problemWith(refusal.codes, details, true),
    replayable ? replayableHeaders : requestIdHeader,
  );
}

const retryAfterHeaders = { ...requestIdHeader, 'Retry-After': ref('#/components/headers/RetryAfter') };

const errorResponses: Json = {
  ValidationFailed: problemResponse(
    validationFailedDescription,
    problemWith(['validation_failed'], schemaRef('ValidationDetails'), false),
  ),
  Unauthorized: problemResponse('`unauthorized`: no credential, or an unknown or expired one.'),
  Forbidden: problemResponse(
    '`forbidden`: the credential may not call this route (a member session on an admin route, or a session ' +
      'token on a secret-key route).',
  ),
  IdempotencyConflict: problemResponse(
    '`idempotency_conflict`: this `Idempotency-Key` was already used with a different request.',
  ),
  PayloadTooLarge: problemResponse(
    '`payload_too_large`: the body is larger than 1 MB. The server closes the connection (`Connection: close`).',
  ),
  UnsupportedMediaType: problemResponse('`unsupported_media_type`: the body is not sent as `application/json`.'),
  RateLimited: problemResponse(
    '`rate_limited`: too many requests (from this workspace, this key or user, or event streams open at once); ' +
      'retry after `Retry-After`.',
    schemaRef('Problem'),
    retryAfterHeaders,
  ),
  ServerBusy: problemResponse(
    '`server_busy`: too much prompt text from all workspaces is waiting to be counted; retry after `Retry-After`, ' +
      'or send `inputTokens` instead of `prompt`.',
    schemaRef('Problem'),
    retryAfterHeaders,
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
  const schemas = convertSchemas(registry, names);

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
          'Makes a mutation happen once (R19): a repeat with the same key returns the first answer without acting ' +
          'again, marked `Idempotent-Replayed: true`; the same key with a different request is a 409. Keys are ' +
          'kept per workspace, with the answers that did something or were refused for credit (2xx, 402); a ' +
          'request refused for its values or for what it names (400, 404, 422) keeps nothing, so its key may be ' +
          'used again, e.g. once the missing run is opened. Header values travel as bytes: keep keys ASCII (a UUID). The SDK sends one with every POST, PUT and DELETE and reuses it on retry; operations ' +
          'that do not declare it ignore it.',
        schema: schemaRef(nameOf(idempotencyKey, names)),
      },
      LastEventId: {
        name: 'Last-Event-ID',
        in: 'header',
        required: false,
        description:
          'Resume after this event (what EventSource sends when it reconnects); it takes precedence over the ' +
          '`lastEventId` query parameter. The stream sends the events with a greater id, so an id past the latest ' +
          'event waits for events to reach it.',
        schema: schemaRef(nameOf(eventId, names)),
      },
    },
    headers: {
      RequestId: {
        description:
          "This request's id, `req_…`, to quote to support. A problem body's `requestId` is the same value, except " +
          "in a replayed answer (`Idempotent-Replayed: true`): its body is the first answer's, with the first request's id.",
        required: true,
        schema: { type: 'string' },
      },
      IdempotentReplayed: {
        description:
          '`true` when this answer is the stored answer of an earlier request with the same `Idempotency-Key`: ' +
          'nothing was done again. Absent otherwise.',
        schema: { type: 'string', const: 'true' },
      },
      RetryAfter: {
        description: 'How long to wait before retrying, in whole seconds.',
        required: true,
        schema: { type: 'string', pattern: '^\\d+$' },
      },
      ContentDisposition: {
        description: 'An attachment named after the period: `attachment; filename="credit-usage-<from>-<to>.csv"`.',
        required: true,
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
        'decimals. Errors are `application/problem+json`; every response carries `x-request-id`; mutations that ' +
        'declare an `Idempotency-Key` happen once per key. A method a path does not list is answered 405 ' +
        '`method_not_allowed` with `Allow` (HEAD too: only the listed methods are served); an unknown path 404 ' +
        '`not_found`. A CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) on a listed path is answered ' +
        '204, with CORS headers when the origin is allowed. Generated from the zod schemas in ' +
        '`packages/sdk/src/schemas`: do not edit by hand.',
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
