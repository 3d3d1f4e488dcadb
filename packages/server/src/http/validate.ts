import { resourceId } from '@creditkit/sdk/schemas';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiProblem } from './problem';

function issuesOf(error: z.core.$ZodError) {
  return error.issues.map(({ path, message }) => ({ path: path.map(String), message }));
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
  const type = context.req.header('content-type') ?? '';
  if (type !== '' && !type.includes('json')) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'validation_failed', 'The body is not valid JSON.', {
      issues: [{ path: [], message: 'Malformed JSON' }],
    });
  }
}

/** A path id, held to the same rules as every id of the contract. */
export function pathId(context: Context, name: string): string {
  return parse(resourceId, context.req.param(name), name);
}

/** Query parameters as the contract's query schemas expect them: numbers as numbers, lists split on commas. */
export function readQuery(context: Context, numeric: readonly string[] = [], lists: readonly string[] = []) {
  const query: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context.req.query())) {
    if (numeric.includes(name)) query[name] = /^\d+$/.test(value) ? Number(value) : value;
    else if (lists.includes(name)) query[name] = value.split(',');
    else query[name] = value;
  }
  return query;
}
