/*
 * A workspace of its own for each operation the suite walks, with every kind of credential the document
 * speaks of, and a snapshot of what a mutation could change, to show that a refused request changed
 * nothing and a replayed one acted once.
 */

export interface Credentials {
  secretKey: string;
  adminToken: string;
  memberToken: string;
}

export interface ConformanceWorkspace {
  baseUrl: string;
  workspaceId: string;
  credentials: Credentials;
  /** Calls the API with the secret key and returns the JSON answer; anything but a 2xx throws. */
  api: (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
}

async function jsonOf(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function openWorkspace(baseUrl: string): Promise<ConformanceWorkspace> {
  const created = await jsonOf(
    await fetch(`${baseUrl}/v1/dev/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ planId: 'starter-monthly' }),
    }),
    'POST /v1/dev/workspaces',
  );
  const secretKey = String(created.secretKey);
  const api = async (method: string, path: string, body?: unknown) =>
    jsonOf(
      await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      `${method} ${path}`,
    );
  const tokenFor = async (role: 'admin' | 'member') =>
    String((await api('POST', '/v1/sessions', { userId: `conformance-${role}`, role })).token);
  return {
    baseUrl,
    workspaceId: String(created.workspaceId),
    credentials: { secretKey, adminToken: await tokenFor('admin'), memberToken: await tokenFor('member') },
    api,
  };
}

/**
 * What the workspace's reads show: balance, ledger, grants, plan, own keys, and the operation's own reads
 * (a run that does not exist yet reads as a 404, which a request that created it would change).
 */
export async function snapshotOf(workspace: ConformanceWorkspace, extraPaths: readonly string[] = []) {
  const paths = ['/v1/balance', '/v1/ledger?limit=100', '/v1/grants?limit=100', '/v1/plan', '/v1/integrations'];
  const shown: Record<string, unknown> = {};
  for (const path of [...paths, ...extraPaths]) {
    const response = await fetch(`${workspace.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${workspace.credentials.secretKey}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    // A problem's requestId is the read's own, not state.
    shown[path] = response.ok ? body : { status: response.status, code: body.code };
  }
  return shown;
}
