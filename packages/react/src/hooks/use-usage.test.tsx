import { useUsage } from '@creditkit/react';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

describe('useUsage against the reference server', () => {
  it('R18, R15: reports usage by action, refreshes on a refund, and exports the same report as CSV', async () => {
    const workspace = await createTestWorkspace();
    const page = await workspace.connect('admin');
    const member = await workspace.connect('member');
    const charge = await member.client.charges.create({
      actionId: 'find-mobile-phone',
      workbookId: 'wb_1',
      recordId: 'rec_1',
      field: 'mobile_phone',
    });

    const { result: latest } = renderHookWithCredits(() => useUsage({ groupBy: 'action' }), { client: page.client });
    await waitFor(() => expect(latest.current?.status).toBe('success'));
    expect(latest.current?.data?.data).toEqual([
      { key: 'find-mobile-phone', charges: 1, charged: 10, refunded: 0, net: 10 },
    ]);
    await waitFor(() => expect(page.answered).toContain('/v1/events'));

    // The host server refunds with its secret key (R15, R20): a member session may not.
    await workspace.refund(charge.id, 'number disconnected');
    await waitFor(() => expect(latest.current?.data?.totals).toMatchObject({ refunded: 10, net: 0 }));

    const csv = await latest.current?.exportCsv();
    expect(csv?.split('\r\n')[0]).toBe('action_id,trigger,charges,credits_charged,credits_refunded,credits_net');
    expect(csv).toContain('find-mobile-phone');
  });
});
