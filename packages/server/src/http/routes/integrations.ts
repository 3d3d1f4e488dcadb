import { integrationKeySetParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { providers } from '../../catalogue/providers';
import type { Queryable } from '../../store/database';
import { hashSecret } from '../../store/workspaces';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { notFound } from '../problem';
import { parse, pathId, readJson } from '../validate';

interface KeyRow {
  provider: string;
  key_last4: string;
  updated_at: Date;
}

async function keysOf(db: Queryable, workspaceId: string): Promise<Map<string, KeyRow>> {
  const rows = await db.query<KeyRow>(
    'SELECT provider, key_last4, updated_at FROM integration_keys WHERE workspace_id = $1',
    [workspaceId],
  );
  return new Map(rows.map((row) => [row.provider, row]));
}

/** An integration as the API shows it: whether an own key is set and its last 4 characters, never the key (R10). */
function integrationView(provider: { id: string; name: string }, key: KeyRow | undefined) {
  return {
    provider: provider.id,
    name: provider.name,
    ownKey: key !== undefined,
    keyLast4: key?.key_last4 ?? null,
    updatedAt: key ? new Date(key.updated_at).toISOString() : null,
  };
}

function findProvider(id: string) {
  const provider = providers.find((candidate) => candidate.id === id);
  if (!provider) throw notFound('provider');
  return provider;
}

export function integrationRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/integrations', async (context) => {
    const keys = await keysOf(options.db, context.get('caller').workspaceId);
    return context.json({
      data: providers.map((provider) => integrationView(provider, keys.get(provider.id))),
      nextCursor: null,
    });
  });

  app.put('/v1/integrations/:provider/key', async (context) => {
    const caller = context.get('caller');
    const provider = findProvider(pathId(context, 'provider'));
    const { apiKey } = parse(integrationKeySetParams, await readJson(context), 'own API key');
    const keyHash = await hashSecret(apiKey);
    // The idempotency record keeps the body's hash, never the key itself.
    const answer = await idempotent(
      context,
      options.db,
      `PUT /v1/integrations/${provider.id}/key`,
      { apiKey: keyHash },
      async (tx) => {
        const now = options.now();
        // The last 4 characters, not code units: half an emoji is no text a database can keep.
        const last4 = Array.from(apiKey).slice(-4).join('');
        await tx.query(
          `INSERT INTO integration_keys (workspace_id, provider, key_hash, key_last4, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, provider) DO UPDATE SET key_hash = $3, key_last4 = $4, updated_at = $5`,
          [caller.workspaceId, provider.id, keyHash, last4, now],
        );
        return {
          status: 200,
          body: integrationView(provider, (await keysOf(tx, caller.workspaceId)).get(provider.id)),
        };
      },
    );
    return sendAnswer(context, answer);
  });

  app.delete('/v1/integrations/:provider/key', async (context) => {
    const caller = context.get('caller');
    const provider = findProvider(pathId(context, 'provider'));
    const answer = await idempotent(
      context,
      options.db,
      `DELETE /v1/integrations/${provider.id}/key`,
      {},
      async (tx) => {
        await tx.query('DELETE FROM integration_keys WHERE workspace_id = $1 AND provider = $2', [
          caller.workspaceId,
          provider.id,
        ]);
        return { status: 200, body: integrationView(provider, undefined) };
      },
    );
    return sendAnswer(context, answer);
  });
}
