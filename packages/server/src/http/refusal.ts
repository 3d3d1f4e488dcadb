import type { StoredAnswer } from './idempotency';

export interface LimitNumbers {
  scope: 'workspace' | 'workbook' | 'enrichment' | 'run';
  id: string | null;
  limit: number;
  spent: number;
  remaining: number;
}

/**
 * A credit refusal as a stored answer: a problem that names what blocked and its numbers. It is an
 * answer, not a thrown error, so the transaction commits (the limit's one-time notice) and a repeat of
 * the idempotency key gets the same refusal.
 */
export function refusalAnswer(requestId: string, code: string, message: string, details: LimitNumbers): StoredAnswer {
  const status = 402;
  return {
    status,
    problem: true,
    body: {
      type: `https://creditkit.dev/problems/${code}`,
      status,
      code,
      message,
      requestId,
      details,
    },
  };
}
