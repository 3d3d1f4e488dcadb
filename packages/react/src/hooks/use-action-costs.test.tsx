import { useActionCosts } from '@creditkit/react';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

describe('useActionCosts against the reference server', () => {
  it('R8, R10: prices distinct actions in one request, own key at 0, and retries only what failed', async () => {
    const workspace = await createTestWorkspace();
    await (await workspace.connect('admin')).client.integrations.setKey('mailfinder', { apiKey: 'own-mail-key-0001' });
    const { client, requests } = await workspace.connect('member');
    const ids = ['find-mobile-phone', 'find-work-email', 'find-mobile-phone', 'find-fax-number'];
    const { result } = renderHookWithCredits(() => useActionCosts(ids), { client });
    await waitFor(() =>
      expect([...result.current.costs.values()].every(({ status }) => status !== 'loading')).toBe(true),
    );

    expect([...result.current.costs.keys()]).toEqual(['find-mobile-phone', 'find-work-email', 'find-fax-number']);
    expect(result.current.costs.get('find-mobile-phone')?.data).toMatchObject({ effectiveCredits: 10, ownKey: false });
    expect(result.current.costs.get('find-work-email')?.data).toMatchObject({ credits: 1, effectiveCredits: 0 });
    expect(result.current.costs.get('find-fax-number')?.error).toMatchObject({ code: 'not_found' });
    const actionRequests = () => requests.filter((request) => request.startsWith('/v1/actions'));
    expect(actionRequests()).toHaveLength(1);

    await result.current.retryFailed();
    expect(actionRequests()).toHaveLength(2);
    expect(actionRequests()[1]).toBe('/v1/actions?ids=find-fax-number');
  });
});
