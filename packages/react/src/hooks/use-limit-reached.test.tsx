import { useLimitReached, useSpendLimit } from '@creditkit/react';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emailCharge } from '../../test/support/charges';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

describe('useLimitReached against the reference server', () => {
  it('R11, R12: follows the latest limit reached, and forgets it only when that same limit is cleared', async () => {
    const workspace = await createTestWorkspace();
    const admin = await workspace.connect('admin');
    const member = await workspace.connect('member');
    for (const workbookId of ['wb_1', 'wb_2']) {
      await admin.client.spendLimits.update({ workbookId }, { enabled: true, limit: 1 });
    }
    // wb_1's limit is watched too: it is fetched again only when an event about it arrives.
    const { result } = renderHookWithCredits(
      () => ({ reached: useLimitReached(), firstLimit: useSpendLimit({ workbookId: 'wb_1' }).data?.limit }),
      { client: member.client },
    );
    await waitFor(() => expect(member.answered).toContain('/v1/events'));
    expect(result.current.reached).toBeNull();

    /** Spends the workbook's 1 credit; the next charge is refused and reaches the limit. */
    const reach = async (workbookId: string) => {
      await member.client.charges.create(emailCharge(`${workbookId}_rec_1`, { workbookId }));
      await expect(member.client.charges.create(emailCharge(`${workbookId}_rec_2`, { workbookId }))).rejects.toThrow();
    };
    await reach('wb_1');
    await waitFor(() =>
      expect(result.current.reached).toEqual({ scope: 'workbook', id: 'wb_1', limit: 1, spent: 1, remaining: 0 }),
    );
    await reach('wb_2');
    await waitFor(() => expect(result.current.reached).toMatchObject({ scope: 'workbook', id: 'wb_2' }));

    // Raising wb_1 clears a limit that is no longer the latest: wb_2 still blocks.
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 5 });
    await waitFor(() => expect(result.current.firstLimit).toBe(5));
    expect(result.current.reached).toMatchObject({ scope: 'workbook', id: 'wb_2' });
    await admin.client.spendLimits.update({ workbookId: 'wb_2' }, { enabled: false, limit: 1 });
    await waitFor(() => expect(result.current.reached).toBeNull());
  });
});
