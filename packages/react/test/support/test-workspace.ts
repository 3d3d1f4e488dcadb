import type {
  AiRun,
  AiRunCreateParams,
  Balance,
  Charge,
  ChargeCreateParams,
  Grant,
  GrantCreateParams,
} from '@creditkit/sdk';
import { inject } from 'vitest';
import { type BrowserSession, type RequestGate, sessionClient } from './clients';

async function postJson<Answer>(url: string, body: unknown, secretKey?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secretKey) headers.authorization = `Bearer ${secretKey}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Answer;
}

/** A charge as a host's server sends it: the action, and where it lands unless said otherwise. */
export type HostCharge = Pick<ChargeCreateParams, 'actionId'> & Partial<ChargeCreateParams>;

export interface TestWorkspaceOptions {
  /** The reference server to create it on: the test run's by default, or one a test started itself. */
  baseUrl?: string;
}

/**
 * A fresh workspace on the test run's reference server. Its secret key stays in this helper, as it
 * would on a host's server: clients get session tokens, the way the kit runs in a browser (the SDK
 * refuses `sk_` keys wherever a `document` exists, jsdom included). What a host's server does with the
 * key (charge, refund, renew) is done here too, away from every widget's client.
 */
export async function createTestWorkspace(planId = 'starter-monthly', options: TestWorkspaceOptions = {}) {
  const baseUrl = options.baseUrl ?? inject('creditApiUrl');
  const { workspaceId, secretKey } = await postJson<{ workspaceId: string; secretKey: string }>(
    `${baseUrl}/v1/dev/workspaces`,
    { planId },
  );
  const withSecretKey = <Answer>(path: string, body: unknown) => postJson<Answer>(`${baseUrl}${path}`, body, secretKey);
  let records = 0;

  return {
    workspaceId,
    /**
     * A client for one user of the workspace, on a session token the host's server minted for it; its requests
     * pass through `gate` when one is given.
     */
    async connect(role: 'admin' | 'member' = 'admin', gate?: RequestGate): Promise<BrowserSession> {
      const { token } = await withSecretKey<{ token: string }>('/v1/sessions', { userId: `user_${role}`, role });
      return sessionClient(() => token, baseUrl, gate);
    },
    /** Charges an action with the secret key: on workbook `wb_1`, a fresh record and field `value` unless said. */
    charge(params: HostCharge): Promise<Charge> {
      records += 1;
      return withSecretKey<Charge>('/v1/charges', {
        workbookId: 'wb_1',
        recordId: `rec_${records}`,
        field: 'value',
        ...params,
      });
    },
    /** Refunds a charge with the secret key, as a host does when the provider's data was invalid (R15). */
    refund(chargeId: string, reason = 'invalid data'): Promise<Charge> {
      return withSecretKey<Charge>(`/v1/charges/${chargeId}/refund`, { reason });
    },
    /** Opens an AI run with a budget, as a host's server does before an AI column runs (R9). */
    openRun(params: AiRunCreateParams): Promise<AiRun> {
      return withSecretKey<AiRun>('/v1/ai/runs', params);
    },
    /** Ends a run: completed, or stopped midway as when the user pressed Stop (R16). */
    endRun(runId: string, how: 'complete' | 'stop'): Promise<AiRun> {
      return withSecretKey<AiRun>(`/v1/ai/runs/${encodeURIComponent(runId)}/${how}`, {});
    },
    /** Grants credits with the secret key, as a host's server does for a promotion or an outage (R28). */
    grant(params: GrantCreateParams): Promise<Grant> {
      return withSecretKey<Grant>('/v1/grants', params);
    },
    /** Runs the period-end renewal now (a dev route), and answers the balance after it. */
    renew(): Promise<Balance> {
      return withSecretKey<Balance>(`/v1/dev/workspaces/${workspaceId}/renew`, {});
    },
  };
}

export type TestWorkspace = Awaited<ReturnType<typeof createTestWorkspace>>;

/** A fresh workspace with an admin's and a member's browser session. */
export async function workspaceWithUsers(planId?: string) {
  const workspace = await createTestWorkspace(planId);
  return { workspace, admin: await workspace.connect('admin'), member: await workspace.connect('member') };
}
