import { maxHeld, purchasable, toCredits } from '@creditkit/rules';
import type { Queryable } from '../store/database';
import { heldTotal } from '../store/ledger-writes';
import { ApiProblem } from './problem';

const wording = {
  purchase: { room: 'purchasable', more: (room: number) => `it can buy at most ${room} more` },
  grant: { room: 'grantable', more: (room: number) => `at most ${room} more can be granted` },
} as const;

/**
 * A purchase (R17) or grant (R28) that would take what the workspace holds past the maximum: a 422
 * `<kind>_too_large`, nothing added, whose `details` give `maximum`, `held` and the room left.
 */
function holdingTooLarge(kind: keyof typeof wording, held: number): ApiProblem {
  const room = toCredits(purchasable(held));
  const message = `The workspace holds ${toCredits(held)} credits and may hold at most ${toCredits(maxHeld)}: ${wording[kind].more(room)}.`;
  return new ApiProblem(422, `${kind}_too_large`, message, {
    issues: [{ path: ['credits'], message }],
    maximum: toCredits(maxHeld),
    held: toCredits(held),
    [wording[kind].room]: room,
  });
}

/**
 * Refuses a purchase (R17) or grant (R28) of `amount` thousandths that would take what the workspace holds, pending
 * grants included, past the maximum. The caller holds the workspace row lock, so two at once cannot both fit in
 * the same room.
 */
export async function requireRoomToHold(
  tx: Queryable,
  workspaceId: string,
  amount: number,
  now: Date,
  kind: keyof typeof wording,
): Promise<void> {
  const held = await heldTotal(tx, workspaceId, now);
  if (amount > purchasable(held)) throw holdingTooLarge(kind, held);
}
