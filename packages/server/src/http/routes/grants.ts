import { toThousandths } from '@creditkit/rules';
import { grantCreateParams, grantListParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { newId } from '../../store/ids';
import { emitEvent, insertGrant } from '../../store/ledger-writes';
import { grantView, readBalance } from '../../store/read-models';
import { type GrantRow, grantColumns } from '../../store/rows';
import { checkThresholds } from '../../store/threshold-checks';
import { sendAnswer } from '../answer';
import { decodeCursor, encodeCursor } from '../cursor';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { requireRoomToHold } from '../room-to-hold';
import { invalidValue, parse, readJson, readQuery } from '../validate';

export function grantRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  // In burn order (R2), as `compareBurnOrder` of `@creditkit/rules` sorts: soonest expiry first (never last), then
  // higher priority, then oldest, then id by code point (`COLLATE "C"`, as JavaScript compares ids). A test holds
  // this order to `compareBurnOrder` over generated grants, so the two cannot drift apart.
  app.get('/v1/grants', async (context) => {
    const params = parse(grantListParams, readQuery(context, ['limit']), 'grant list parameters');
    const limit = params.limit ?? 50;
    const offset = decodeCursor(params.cursor) ?? 0;
    const rows = await options.db.query<GrantRow>(
      `SELECT ${grantColumns} FROM grants WHERE workspace_id = $1
        ORDER BY expires_at ASC NULLS LAST, priority DESC, created_at ASC, id COLLATE "C" ASC LIMIT $2 OFFSET $3`,
      [context.get('caller').workspaceId, limit + 1, offset],
    );
    return context.json({
      data: rows.slice(0, limit).map(grantView),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
    });
  });

  // R28: granted credits are the host server's decision (a promotion, compensating an outage), like a refund
  // (R15): so the secret key alone may grant, never a browser session. An admin session is a person in the
  // page; if it could mint credits, any admin of a customer workspace could give itself credits for free,
  // where buying them (R17) goes through the host's billing. The route table's `access` enforces it.
  app.post('/v1/grants', async (context) => {
    const caller = context.get('caller');
    const params = parse(grantCreateParams, await readJson(context), 'grant');
    // What the grant is, as the key remembers it: the same instant written with another offset is the same grant.
    const request = {
      credits: params.credits,
      reason: params.reason,
      note: params.note ?? null,
      expiresAt: params.expiresAt === undefined ? null : new Date(params.expiresAt).toISOString(),
      priority: params.priority ?? 0,
    };
    const answer = await idempotent(context, options.db, 'POST /v1/grants', request, async (tx) => {
      // Read once the workspace row is locked, so "in the future" is judged at the time the grant is written.
      const now = options.now();
      const expiresAt = request.expiresAt === null ? null : new Date(request.expiresAt);
      if (expiresAt !== null && expiresAt <= now) {
        throw invalidValue(['expiresAt'], `Must be in the future; the server's time is ${now.toISOString()}.`);
      }
      const amount = toThousandths(request.credits);
      // The same room as a purchase (R17): what the workspace holds stays an amount the API can carry.
      await requireRoomToHold(tx, caller.workspaceId, amount, now, 'grant');
      const grantId = newId('grant');
      await insertGrant(
        tx,
        caller.workspaceId,
        {
          id: grantId,
          source: 'granted',
          credits: amount,
          effectiveAt: now,
          expiresAt,
          reason: `granted ${request.reason}`,
          granted: { priority: request.priority, reason: request.reason, note: request.note },
        },
        now,
      );
      const [row] = await tx.query<GrantRow>(`SELECT ${grantColumns} FROM grants WHERE id = $1`, [grantId]);
      const body = grantView(row as GrantRow);
      await emitEvent(tx, caller.workspaceId, 'grant.created', body, now);
      await emitEvent(tx, caller.workspaceId, 'balance.updated', await readBalance(tx, caller.workspaceId, now), now);
      // R25: a grant raises the balance, which re-arms the balance alerts it lifts above their thresholds.
      await checkThresholds(tx, caller.workspaceId, now);
      return { status: 201, body };
    });
    return sendAnswer(context, answer);
  });
}
