import { type AlertParams, alertParams, MAX_ALERTS } from '@creditkit/sdk/schemas';
import type { Context, Hono } from 'hono';
import { checkAlerts } from '../../store/alert-checks';
import {
  type AlertRow,
  alertView,
  countAlerts,
  deleteAlert,
  insertAlert,
  readAlert,
  readAlerts,
  replaceAlert,
} from '../../store/alerts';
import type { Queryable } from '../../store/database';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { ApiProblem, notFound } from '../problem';
import { parse, pathId, readJson } from '../validate';

/** One alert more than a workspace may have: nothing is created. */
function tooManyAlerts(): ApiProblem {
  return new ApiProblem(
    422,
    'too_many_alerts',
    `A workspace has at most ${MAX_ALERTS} alerts: delete one or change one instead.`,
    { maximum: MAX_ALERTS },
  );
}

/** The alert after it was set and checked: an alert already past its threshold fired in this transaction. */
async function checkedAlert(tx: Queryable, workspaceId: string, alertId: string) {
  return alertView((await readAlert(tx, workspaceId, alertId)) as AlertRow);
}

export function alertRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/alerts', async (context) => {
    const alerts = await readAlerts(options.db, context.get('caller').workspaceId);
    // At most MAX_ALERTS: one page holds them all.
    return context.json({ data: alerts.map(alertView), nextCursor: null });
  });

  app.post('/v1/alerts', async (context) => {
    const caller = context.get('caller');
    const params: AlertParams = parse(alertParams, await readJson(context), 'alert');
    const answer = await idempotent(context, options.db, 'POST /v1/alerts', params, async (tx) => {
      const now = options.now();
      // `idempotent` holds the workspace row lock, so two creations at once cannot both take the last place.
      if ((await countAlerts(tx, caller.workspaceId)) >= MAX_ALERTS) throw tooManyAlerts();
      const alertId = await insertAlert(tx, caller.workspaceId, params, now);
      await checkAlerts(tx, caller.workspaceId, now);
      return { status: 201, body: await checkedAlert(tx, caller.workspaceId, alertId) };
    });
    return sendAnswer(context, answer);
  });

  app.put('/v1/alerts/:alertId', async (context: Context<AppEnv>) => {
    const caller = context.get('caller');
    const alertId = pathId(context, 'alertId');
    const params: AlertParams = parse(alertParams, await readJson(context), 'alert');
    const answer = await idempotent(context, options.db, `PUT /v1/alerts/${alertId}`, params, async (tx) => {
      const now = options.now();
      if (!(await replaceAlert(tx, caller.workspaceId, alertId, params, now))) throw notFound('alert');
      await checkAlerts(tx, caller.workspaceId, now);
      return { status: 200, body: await checkedAlert(tx, caller.workspaceId, alertId) };
    });
    return sendAnswer(context, answer);
  });

  app.delete('/v1/alerts/:alertId', async (context) => {
    const caller = context.get('caller');
    const alertId = pathId(context, 'alertId');
    const answer = await idempotent(context, options.db, `DELETE /v1/alerts/${alertId}`, {}, async (tx) => {
      const deleted = await deleteAlert(tx, caller.workspaceId, alertId);
      if (!deleted) throw notFound('alert');
      return { status: 200, body: alertView(deleted) };
    });
    return sendAnswer(context, answer);
  });
}
