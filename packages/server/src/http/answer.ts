import type { Context } from 'hono';
import type { StoredAnswer } from './idempotency';

export function sendAnswer(context: Context, answer: StoredAnswer): Response {
  const type = answer.problem ? 'application/problem+json' : 'application/json';
  // A replay's body is the first answer's, `requestId` included; `x-request-id` is still this request's own.
  const replayed = answer.replayed ? { 'idempotent-replayed': 'true' } : {};
  return context.body(JSON.stringify(answer.body), answer.status, { 'content-type': type, ...replayed });
}
