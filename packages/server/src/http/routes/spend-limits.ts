import { limitRemaining, toCredits, toThousandths } from '@creditkit/rules';
import { spendLimitUpdateParams } from '@creditkit/sdk/schemas';
import type { Context, Hono } from 'hono';
import { checkAlerts } from '../../store/alert-checks';
import type { Queryable } from '../../store/database';
import { emitEvent } from '../../store/ledger-writes';
import type { SpendRow } from '../../store/rows';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { parse, pathId, readJson } from '../validate';

type Scope = SpendRow['scope'];

async function readSpend(db: Queryable, workspaceId: string, scope: Scope, id: string) {
  const [row] = await db.query<SpendRow>(
    `SELECT scope, scope_id, spent, limit_enabled, credit_limit, reached_notified FROM spend
      WHERE workspace_id = $1 AND scope = $2 AND scope_id = $3`,
    [workspaceId, scope, id],
  );
  return row;
}

function limitView(scope: Scope, id: string, row: SpendRow | undefined) {
  const spent = row?.spent ?? 0;
  const limit = row?.credit_limit ?? null;
  return {
    scope,
    id,
    enabled: row?.limit_enabled ?? false,
    limit: limit === null ? null : toCredits(limit),
    spent: toCredits(spent),
    remaining: limit === null ? null : toCredits(limitRemaining(limit, spent)),
  };
}

export function spendLimitRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  for (const [scope, segment, param] of [
    ['workbook', 'workbooks', 'workbookId'],
    ['enrichment', 'enrichments', 'enrichmentId'],
  ] as const) {
    const path = `/v1/${segment}/:${param}/spend-limit`;

    app.get(path, async (context) => {
      const id = pathId(context, param);
      return context.json(
        limitView(scope, id, await readSpend(options.db, context.get('caller').workspaceId, scope, id)),
      );
    });

    app.put(path, async (context: Context<AppEnv>) => {
      const caller = context.get('caller');
      const id = pathId(context, param);
      const update = parse(spendLimitUpdateParams, await readJson(context), 'spend limit');
      const answer = await idempotent(context, options.db, `PUT ${path}:${id}`, update, async (tx) => {
        const now = options.now();
        const before = await readSpend(tx, caller.workspaceId, scope, id);
        const limit = toThousandths(update.limit);
        const [row] = await tx.query<SpendRow>(
          `INSERT INTO spend (workspace_id, scope, scope_id, limit_enabled, credit_limit) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (workspace_id, scope, scope_id)
           DO UPDATE SET limit_enabled = $4, credit_limit = $5, reached_notified = false
           RETURNING scope, scope_id, spent, limit_enabled, credit_limit, reached_notified`,
          [caller.workspaceId, scope, id, update.enabled, limit],
        );
        const view = limitView(scope, id, row);
        // R12: a limit that had blocked and now leaves room is announced as cleared.
        if (before?.reached_notified && (!update.enabled || limit > (row?.spent ?? 0))) {
          await emitEvent(
            tx,
            caller.workspaceId,
            'limit.cleared',
            { scope, id, limit: view.limit ?? 0, spent: view.spent, remaining: view.remaining ?? 0 },
            now,
          );
        }
        // R25: a changed limit moves what its alerts have used.
        await checkAlerts(tx, caller.workspaceId, now);
        return { status: 200, body: view };
      });
      return sendAnswer(context, answer);
    });
  }
}
