import { MAX_ACTIVITY_DAYS, usageActivityParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { readUsageActivity } from '../../store/usage-activity';
import { decodeActivityCursor, encodeActivityCursor } from '../activity-cursor';
import type { AppEnv, ServerOptions } from '../env';
import { readUsagePeriod } from '../usage-period';
import { parse, readQuery } from '../validate';

export function usageActivityRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  // R24: why credits went, a page of groups at a time over a period of at most MAX_ACTIVITY_DAYS days.
  app.get('/v1/usage/activity', async (context) => {
    const params = parse(usageActivityParams, readQuery(context, ['limit']), 'usage activity parameters');
    const { from, to, start, end } = readUsagePeriod(params, options, MAX_ACTIVITY_DAYS);
    const after = decodeActivityCursor(params.cursor);
    const { data, next } = await readUsageActivity(options.db, context.get('caller').workspaceId, {
      start,
      end,
      workbookId: params.workbookId,
      actionId: params.actionId,
      trigger: params.trigger,
      after,
      limit: params.limit ?? 50,
    });
    return context.json({ from, to, data, nextCursor: next ? encodeActivityCursor(next) : null });
  });
}
