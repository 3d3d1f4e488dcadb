import { resourceId } from '@creditkit/sdk/schemas';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiProblem } from './problem';

function issuesOf(error: z.core.$ZodError) {
  return error.issues.map(({ path, message }) => ({ path: path.map(String), message }));
}

/**
 * A 400 naming one value that cannot be used, shaped like every validation problem: `details.issues` holds its
 * path from the top of the request and what is wrong with it.
 */
export function invalidValue(
  path: readonly (string | number)[],
  message: string,
  code: 'validation_failed' | 'run_exists' | 'plan_not_available' | 'webhook_url_refused' = 'validation_failed',
): ApiProblem {
  const where = path.length > 0 ? path.join('.') : 'request';
  return new ApiProblem(400, code, `Invalid ${where}: ${message}`, { issues: [{ path, message }] });
}

/** Checks a value against a contract schema; a mismatch is a 400 that lists every issue. */
export function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const list = issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new ApiProblem(400, 'validation_failed', `Invalid ${what}: ${list}`, { issues });
}

/** The request body as JSON; malformed JSON or another media type is a 400, not a crash. */
export async function readJson(context: Context): Promise<unknown> {
  const text = await context.req.text();
  if (text.trim() === '') return {};
  // Media types are case-insensitive and may carry parameters (`; charset=utf-8`); no other type is JSON here.
  const mediaType = (context.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidValue([], 'The body is not valid JSON.');
  }
}

/** A path id, held to the same rules as every id of the contract. */
export function pathId(context: Context, name: string): string {
  return parse(resourceId, context.req.param(name), name);
}

/**
 * Query parameters as the contract's query schemas expect them: numbers as numbers, lists split on commas. A list
 * may come as one comma-joined value (`ids=a,b`, as declared) or repeated (`ids=a&ids=b`, as many generated clients
 * send it): both give every id. Any other parameter given twice is refused rather than one value silently dropped.
 */
export function readQuery(context: Context, numeric: readonly string[] = [], lists: readonly string[] = []) {
  const query: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(context.req.queries())) {
    if (lists.includes(name)) {
      // Split after decoding: clients encode the delimiter too (URLSearchParams sends `a%2Cb`), and no id of
      // the contract can hold a comma, so either form of it separates items.
      query[name] = values.flatMap((value) => value.split(','));
      continue;
    }
    if (values.length > 1) throw invalidValue([name], 'Given more than once; send it once.');
    const [value = ''] = values;
    query[name] = numeric.includes(name) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return query;
}
