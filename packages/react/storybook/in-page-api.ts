import type { CreditRole } from '../src/index';

/** The reference Credit API running in this page (`@creditkit/server/browser`), as the stories and the playground use it. */
export interface InPageApi {
  baseUrl: string;
  fetch: typeof fetch;
}

/**
 * Starts the reference Credit API in the page on an in-memory PGlite, with `now` as its clock and
 * `renewalDelayMs` between a renewal and its credits (R7). The server's module, and PGlite's WebAssembly
 * after it, are imported here, when a story or the playground first needs them: they are not part of the
 * page's first load.
 */
export async function startInPageApi(now: () => Date, renewalDelayMs: number): Promise<InPageApi> {
  const { createBrowserCreditApi } = await import('@creditkit/server/browser');
  const api = await createBrowserCreditApi({ now, renewalDelayMs });
  return { baseUrl: api.baseUrl, fetch: api.fetch };
}

/** A request to the in-page API that must succeed: the JSON it answered, or an error naming the refusal. */
export async function callApi<Answer>(
  api: InPageApi,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { secretKey?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.secretKey) headers.authorization = `Bearer ${options.secretKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await api.fetch(`${api.baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Answer;
}

/** A fresh workspace from the dev route: its id and admin secret key. */
export function createDevWorkspace(
  api: InPageApi,
  planId: string,
): Promise<{ workspaceId: string; secretKey: string }> {
  return callApi(api, 'POST', '/v1/dev/workspaces', { body: { planId } });
}

/**
 * A session token for a user of the workspace, minted with its secret key as a host's server mints one (the
 * SDK refuses a secret key in a browser). The role rides in the token: the API enforces it (R20).
 */
export async function mintSessionToken(api: InPageApi, secretKey: string, role: CreditRole): Promise<string> {
  const { token } = await callApi<{ token: string }>(api, 'POST', '/v1/sessions', {
    secretKey,
    body: { userId: `user_${role}`, role },
  });
  return token;
}
