import type { Context } from 'hono';
import type { StoredAnswer } from './idempotency';

export function sendAnswer(context: Context, answer: StoredAnswer): Response {
  const type = answer.problem ? 'application/problem+json' : 'application/json';
  return context.body(JSON.stringify(answer.body), answer.status, { 'content-type': type });
}
