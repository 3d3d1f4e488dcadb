import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Thrown by a route to answer with `application/problem+json`; never a 500 for something the caller sent. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function problemResponse(context: Context, problem: ApiProblem): Response {
  const requestId = context.get('requestId');
  const body = {
    type: `https://creditkit.dev/problems/${problem.code}`,
    status: problem.status,
    code: problem.code,
    message: problem.message,
    requestId,
    ...(problem.details === undefined ? {} : { details: problem.details }),
  };
  return context.body(JSON.stringify(body), problem.status, {
    'content-type': 'application/problem+json',
    ...problem.headers,
  });
}

export const notFound = (what: string) => new ApiProblem(404, 'not_found', `No ${what} in this workspace.`);
