import { toCredits } from '@creditkit/rules';
import { actionListParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { actions, type CatalogueAction, findAction } from '../../catalogue/actions';
import { ownKeyProviders } from '../../store/own-keys';
import type { AppEnv, ServerOptions } from '../env';
import { notFound } from '../problem';
import { parse, pathId, readQuery } from '../validate';

/** An action's cost as this workspace sees it: free with its own key for the provider (R8, R10). */
function actionView(action: CatalogueAction, ownKeys: Set<string>) {
  const ownKey = ownKeys.has(action.provider);
  return {
    id: action.id,
    name: action.name,
    provider: action.provider,
    dataType: action.dataType,
    kind: action.kind,
    model: action.model,
    credits: toCredits(action.price),
    ownKey,
    effectiveCredits: ownKey ? 0 : toCredits(action.price),
  };
}

export function actionRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/actions', async (context) => {
    const { ids } = parse(actionListParams, readQuery(context, [], ['ids']), 'action list parameters');
    const ownKeys = await ownKeyProviders(options.db, context.get('caller').workspaceId);
    const wanted = ids ? ids.map(findAction).filter((action) => action !== undefined) : actions;
    return context.json({ data: wanted.map((action) => actionView(action, ownKeys)), nextCursor: null });
  });

  app.get('/v1/actions/:actionId', async (context) => {
    const action = findAction(pathId(context, 'actionId'));
    if (!action) throw notFound('action');
    return context.json(actionView(action, await ownKeyProviders(options.db, context.get('caller').workspaceId)));
  });
}
