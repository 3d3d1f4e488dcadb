import { useActionCost } from '@creditkit/react';
import { NotFoundError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { actionRequests, distinctActionIds, mountAndRemount } from '../../test/support/cost-badge-panel';
import { createTestWorkspace } from '../../test/support/test-workspace';

// Runs in Chromium against the reference server: the requests counted are the ones the page sent.

/** A consumer of the hook, as a host's own badge would be. */
function CostBadge({ actionId }: { actionId: string }) {
  const cost = useActionCost(actionId);
  if (cost.status === 'success') return <span data-state="priced">{cost.data.effectiveCredits}</span>;
  if (cost.status === 'error') return <span data-state={NotFoundError.is(cost.error) ? 'unknown' : 'failed'} />;
  return <span data-state="loading" />;
}

describe('useActionCost in Chromium', () => {
  it('R8: 300 badges of 100 distinct actions cost exactly one request, and remounting them none', async () => {
    const session = await (await createTestWorkspace()).connect();
    const distinct = distinctActionIds(100);
    const badges = Array.from({ length: 300 }, (_, index) => distinct[index % distinct.length] ?? '');
    const outcome = await mountAndRemount(session, CostBadge, badges);

    expect(outcome.requestsToMount).toBe(1);
    expect(actionRequests(session)[0]?.split(',')).toHaveLength(100);
    expect(outcome.first).toEqual({ priced: 33, unknown: 267 });
    expect(outcome.remounted).toEqual(outcome.first);
    expect(outcome.requestsToRemount).toBe(0);
  });

  it('R8: 300 badges of 300 distinct actions cost one request, and remounting them none', async () => {
    const session = await (await createTestWorkspace()).connect();
    const outcome = await mountAndRemount(session, CostBadge, distinctActionIds(300));

    expect(outcome.requestsToMount).toBe(1);
    expect(actionRequests(session)[0]?.split(',')).toHaveLength(300);
    expect(outcome.first).toEqual({ priced: 11, unknown: 289 });
    expect(outcome.remounted).toEqual(outcome.first);
    expect(outcome.requestsToRemount).toBe(0);
  });
});
