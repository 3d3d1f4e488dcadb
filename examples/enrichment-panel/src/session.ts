import type { CreditRole } from '@creditkit/react';
import { type CreditClient, createCreditClient } from '@creditkit/sdk';
import type { SessionAnswer } from '../shared/workbook';

async function fetchSession(role: CreditRole): Promise<SessionAnswer> {
  const response = await fetch('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!response.ok) throw new Error(`The host server answered ${response.status} for a session.`);
  return (await response.json()) as SessionAnswer;
}

/**
 * A browser client on a short-lived session token minted by the host server (never the secret key). The
 * first token also tells where the Credit API is; the SDK asks for a fresh one when a token expires.
 */
export async function connect(role: CreditRole): Promise<CreditClient> {
  const first = await fetchSession(role);
  let unused: string | undefined = first.token;
  return createCreditClient({
    baseUrl: first.apiBaseUrl,
    token: async () => {
      const token = unused ?? (await fetchSession(role)).token;
      unused = undefined;
      return token;
    },
  });
}
