import { createCreditClient } from '@creditkit/sdk';
import { expect } from 'vitest';

/** A fresh workspace from a dev-mode server, with its secret key and an SDK client that uses it. */
export async function createDevWorkspace(baseUrl: string, planId = 'starter-monthly') {
  const response = await fetch(`${baseUrl}/v1/dev/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId }),
  });
  expect(response.status).toBe(201);
  const { workspaceId, secretKey } = (await response.json()) as { workspaceId: string; secretKey: string };
  return { workspaceId, secretKey, client: createCreditClient({ baseUrl, apiKey: secretKey }) };
}
