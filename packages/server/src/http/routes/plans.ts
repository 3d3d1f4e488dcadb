import { toCredits } from '@creditkit/rules';
import { planChangeParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { type CataloguePlan, findPlan, plans } from '../../catalogue/plans';
import type { Queryable } from '../../store/database';
import { readWorkspace } from '../../store/workspaces';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { notFound } from '../problem';
import { invalidValue, parse, readJson } from '../validate';

function planView(plan: CataloguePlan) {
  return {
    id: plan.id,
    name: plan.name,
    interval: plan.interval,
    periodDays: plan.periodDays,
    credits: toCredits(plan.credits),
    tier: plan.tier,
    rollover: plan.rollover,
    thenPlanId: plan.thenPlanId,
  };
}

async function currentPlan(db: Queryable, workspaceId: string) {
  const workspace = await readWorkspace(db, workspaceId);
  const plan = workspace && findPlan(workspace.plan_id);
  if (!workspace || !plan) throw notFound('workspace');
  const periodEnd = new Date(workspace.period_end).toISOString();
  return {
    plan: planView(plan),
    periodStart: new Date(workspace.period_start).toISOString(),
    periodEnd,
    scheduledChange: workspace.scheduled_plan_id
      ? { planId: workspace.scheduled_plan_id, effectiveAt: periodEnd }
      : null,
  };
}

export function planRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/plans', (context) => context.json({ data: plans.map(planView), nextCursor: null }));

  app.get('/v1/plan', async (context) =>
    context.json(await currentPlan(options.db, context.get('caller').workspaceId)),
  );

  // R6: a change takes effect at the end of the current cycle; until then the current credits stay usable.
  app.post('/v1/plan/change', async (context) => {
    const caller = context.get('caller');
    const { planId } = parse(planChangeParams, await readJson(context), 'plan change');
    const target = findPlan(planId);
    if (!target) throw notFound('plan');
    if (target.id === 'trial') {
      throw invalidValue(['planId'], 'A workspace starts on the trial; it cannot move to it.', 'plan_not_available');
    }
    const answer = await idempotent(context, options.db, 'POST /v1/plan/change', { planId }, async (tx) => {
      const workspace = await readWorkspace(tx, caller.workspaceId, true);
      const scheduled = workspace?.plan_id === target.id ? null : target.id;
      await tx.query('UPDATE workspaces SET scheduled_plan_id = $1 WHERE id = $2', [scheduled, caller.workspaceId]);
      return { status: 200, body: await currentPlan(tx, caller.workspaceId) };
    });
    return sendAnswer(context, answer);
  });
}
