import { createCreditStore, creditQueryKeys, useActionCost } from '@creditkit/react';
import { NotFoundError } from '@creditkit/sdk';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

function CostProbe({ actionId }: { actionId: string }) {
  const cost = useActionCost(actionId);
  if (cost.status === 'loading') return <p>{actionId}: loading</p>;
  if (cost.status === 'error')
    return (
      <p>
        {actionId}: {NotFoundError.is(cost.error) ? 'unknown' : 'failed'}
      </p>
    );
  return (
    <p>
      {actionId}: {cost.data.effectiveCredits}
      {cost.data.ownKey ? ' own key' : ''}
    </p>
  );
}

const actionRequests = (requests: string[]) => requests.filter((request) => request.startsWith('/v1/actions'));

describe('useActionCost against the reference server', () => {
  it('R8: badges rendered together cost one request, phones dearer than emails', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect();
    renderWithCredits(
      <>
        <CostProbe actionId="find-work-email" />
        <CostProbe actionId="find-mobile-phone" />
        <CostProbe actionId="lookup-company-domain" />
        <CostProbe actionId="find-mobile-phone" />
      </>,
      { client },
    );
    expect(await screen.findAllByText('find-mobile-phone: 10')).toHaveLength(2);
    expect(screen.getByText('find-work-email: 1')).toBeInTheDocument();
    expect(screen.getByText('lookup-company-domain: 0')).toBeInTheDocument();
    expect(actionRequests(requests)).toEqual([
      '/v1/actions?ids=find-work-email,find-mobile-phone,lookup-company-domain',
    ]);
  });

  it('answers an unknown action with a not-found state', async () => {
    const { client } = await (await createTestWorkspace()).connect();
    renderWithCredits(<CostProbe actionId="find-unicorn" />, { client });
    expect(await screen.findByText('find-unicorn: unknown')).toBeInTheDocument();
  });

  it('R10: shows an action free once the workspace has its own key and the costs are invalidated', async () => {
    const { client } = await (await createTestWorkspace()).connect('admin');
    const store = createCreditStore(client);
    renderWithCredits(<CostProbe actionId="find-mobile-phone" />, { client, store });
    await screen.findByText('find-mobile-phone: 10');
    await client.integrations.setKey('phonebook', { apiKey: 'pb_live_0123456789' });
    act(() => store.invalidate(creditQueryKeys.actionCosts));
    expect(await screen.findByText('find-mobile-phone: 0 own key')).toBeInTheDocument();
  });
});
