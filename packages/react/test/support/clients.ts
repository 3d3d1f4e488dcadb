import { type CreditClient, createCreditClient } from '@creditkit/sdk';
import { inject } from 'vitest';

/** A browser's view of the API: an SDK client on a session token, and every request it sent. */
export interface BrowserSession {
  client: CreditClient;
  /** Path and query of each request sent, in order (`/v1/actions?ids=...`). */
  requests: string[];
  /** The same for each request answered, once its headers arrived: an event stream listed here is subscribed. */
  answered: string[];
  /** How many requests went to `path`, whatever their query. */
  sentTo(path: string): number;
}

/**
 * Stands between a client and the API: receives each request and the way to send it on, and answers for it.
 * A test holds an answer back with it, to see what the page does while a request is slow.
 */
export type RequestGate = (request: Request, send: () => Promise<Response>) => Promise<Response>;

/** A client on `token`, the way the kit runs in a browser; its requests are counted by wrapping the real fetch. */
export function sessionClient(
  token: () => string | Promise<string>,
  baseUrl: string = inject('creditApiUrl'),
  gate?: RequestGate,
): BrowserSession {
  const requests: string[] = [];
  const answered: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request = `${url.pathname}${url.search}`;
    requests.push(request);
    // The gate reads a copy: reading a request's body, or making a request from it, uses the body up.
    const sent = new Request(input, init);
    const response = gate ? await gate(sent.clone(), () => fetch(sent)) : await fetch(sent);
    answered.push(request);
    return response;
  };
  const client = createCreditClient({ baseUrl, token, fetch: countingFetch });
  const sentTo = (path: string) => requests.filter((request) => request.split('?')[0] === path).length;
  return { client, requests, answered, sentTo };
}

/** A client whose token never arrives: its requests never leave, so whatever it feeds stays loading. */
export function waitingClient(): CreditClient {
  return createCreditClient({ baseUrl: inject('creditApiUrl'), token: () => new Promise<string>(() => {}) });
}

/**
 * A client on a token the API does not know, or no longer knows (a session that ended): every request is
 * refused (401), so whatever it feeds shows its error state. Its requests are counted, as a retry's are.
 */
export function refusedClient(): BrowserSession {
  return sessionClient(() => 'not-a-session-token');
}
