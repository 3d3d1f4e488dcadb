import { toCredits, toThousandths } from '@creditkit/rules';
import { purchaseCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { newId } from '../../store/ids';
import { emitEvent, insertGrant } from '../../store/ledger-writes';
import { readBalance } from '../../store/read-models';
import { checkThresholds } from '../../store/threshold-checks';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { requireRoomToHold } from '../room-to-hold';
import { parse, readJson } from '../validate';

export function purchaseRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  // R17: one-time credits become a grant that never expires.
  app.post('/v1/purchases', async (context) => {
    const caller = context.get('caller');
    const { credits } = parse(purchaseCreateParams, await readJson(context), 'purchase');
    const answer = await idempotent(context, options.db, 'POST /v1/purchases', { credits }, async (tx) => {
      const now = options.now();
      const amount = toThousandths(credits);
      await requireRoomToHold(tx, caller.workspaceId, amount, now, 'purchase');
      const purchaseId = newId('purchase');
      const grantId = newId('grant');
      await insertGrant(
        tx,
        caller.workspaceId,
        {
          id: grantId,
          source: 'purchased',
          credits: amount,
          effectiveAt: now,
          expiresAt: null,
          reason: `purchase ${purchaseId}`,
        },
        now,
      );
      await tx.query(
        'INSERT INTO purchases (id, workspace_id, credits, grant_id, created_at) VALUES ($1, $2, $3, $4, $5)',
        [purchaseId, caller.workspaceId, amount, grantId, now],
      );
      await emitEvent(tx, caller.workspaceId, 'balance.updated', await readBalance(tx, caller.workspaceId, now), now);
      await checkThresholds(tx, caller.workspaceId, now);
      return {
        status: 201,
        body: { id: purchaseId, credits: toCredits(amount), grantId, createdAt: now.toISOString() },
      };
    });
    return sendAnswer(context, answer);
  });
}
