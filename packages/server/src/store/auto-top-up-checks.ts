import { crossTopUpThreshold, purchasable, toCredits, toThousandths } from '@creditkit/rules';
import { type AutoTopUpRow, autoTopUpMonthView, readAutoTopUp, toppedUpInMonth } from './auto-top-up';
import type { Queryable } from './database';
import { newId } from './ids';
import { emitEvent, heldTotal, insertGrant } from './ledger-writes';
import { readBalance } from './read-models';

/**
 * R27: reads the spendable balance the caller's transaction left and moves the auto top-up across its threshold with
 * `crossTopUpThreshold`: an armed setting whose balance fell below the threshold tops up once (a never-expiring
 * `purchased` grant whose ledger row says `auto_top_up <id>`, `balance.updated` and `topup.completed`) or, past the
 * month's cap, writes `topup.capped`; either way it is disarmed until the balance is back. It runs where alerts are
 * checked (`checkThresholds`), under the workspace row lock, so 64 charges at once decide one after the other and
 * the crossing tops up once.
 */
export async function checkAutoTopUp(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  // The workspace row lock first (its writers hold it already): the crossing is read and moved by one at a time.
  await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
  const settings = await readAutoTopUp(tx, workspaceId);
  if (!settings?.enabled) return;
  const spendable = toThousandths((await readBalance(tx, workspaceId, now))?.spendable ?? 0);
  const toppedUp = await toppedUpInMonth(tx, workspaceId, now);
  const room = purchasable(await heldTotal(tx, workspaceId, now));
  const rule = { threshold: settings.threshold, credits: settings.credits, monthlyCap: settings.monthly_cap };
  const step = crossTopUpThreshold(settings.armed, rule, { spendable, toppedUpThisMonth: toppedUp, room });
  if (step.armed !== settings.armed) {
    await tx.query('UPDATE auto_top_up_settings SET armed = $2 WHERE workspace_id = $1', [workspaceId, step.armed]);
  }
  if (step.action === 'top_up') await topUp(tx, workspaceId, settings, { spendable, toppedUp }, now);
  if (step.action === 'capped') {
    await emitEvent(
      tx,
      workspaceId,
      'topup.capped',
      {
        reason: step.reason,
        credits: toCredits(settings.credits),
        threshold: toCredits(settings.threshold),
        spendable: toCredits(spendable),
        month: autoTopUpMonthView(now, toppedUp, settings.monthly_cap),
      },
      now,
    );
  }
}

/**
 * The top-up itself: granted at once, since the reference server has no payment provider; a host bills it from
 * `topup.completed` (its webhook) and would charge the card there.
 */
async function topUp(
  tx: Queryable,
  workspaceId: string,
  settings: AutoTopUpRow,
  before: { spendable: number; toppedUp: number },
  now: Date,
): Promise<void> {
  const topUpId = newId('topup');
  const grantId = newId('grant');
  await insertGrant(
    tx,
    workspaceId,
    {
      id: grantId,
      source: 'purchased',
      credits: settings.credits,
      effectiveAt: now,
      expiresAt: null,
      reason: `auto_top_up ${topUpId}`,
    },
    now,
  );
  await tx.query(
    'INSERT INTO auto_top_ups (id, workspace_id, credits, grant_id, created_at) VALUES ($1, $2, $3, $4, $5)',
    [topUpId, workspaceId, settings.credits, grantId, now],
  );
  const balance = await readBalance(tx, workspaceId, now);
  await emitEvent(tx, workspaceId, 'balance.updated', balance, now);
  await emitEvent(
    tx,
    workspaceId,
    'topup.completed',
    {
      topUp: { id: topUpId, credits: toCredits(settings.credits), grantId, createdAt: now.toISOString() },
      threshold: toCredits(settings.threshold),
      spendableBefore: toCredits(before.spendable),
      spendable: balance?.spendable ?? 0,
      month: autoTopUpMonthView(now, before.toppedUp + settings.credits, settings.monthly_cap),
    },
    now,
  );
}
