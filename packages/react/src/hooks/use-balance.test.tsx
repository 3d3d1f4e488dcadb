import { useBalance } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

function BalanceProbe() {
  const balance = useBalance();
  if (balance.status === 'loading') return <p>loading</p>;
  if (balance.status === 'error') return <p>failed</p>;
  return <p>spendable {balance.data.spendable}</p>;
}

describe('useBalance against the reference server', () => {
  it('R1: renders the loading state, then the workspace balance', async () => {
    const { client, requests } = await (await createTestWorkspace('starter-monthly')).connect();
    renderWithCredits(<BalanceProbe />, { client });
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('spendable 2000')).toBeInTheDocument();
    expect(requests.filter((request) => request === '/v1/balance')).toHaveLength(1);
  });

  it('moves live when a charge is made elsewhere, from the balance.updated event, without asking again', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const page = await workspace.connect('admin');
    const elsewhere = await workspace.connect('member');
    renderWithCredits(<BalanceProbe />, { client: page.client });
    await screen.findByText('spendable 2000');
    await waitFor(() => expect(page.answered).toContain('/v1/events'));

    await elsewhere.client.charges.create({
      actionId: 'find-mobile-phone',
      workbookId: 'wb_1',
      recordId: 'rec_1',
      field: 'mobile_phone',
    });
    expect(await screen.findByText('spendable 1990')).toBeInTheDocument();
    expect(page.requests.filter((request) => request === '/v1/balance')).toHaveLength(1);
  });

  it('shares one request and one snapshot between every reader', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect();
    renderWithCredits(
      <>
        <BalanceProbe />
        <BalanceProbe />
        <BalanceProbe />
      </>,
      { client },
    );
    expect(await screen.findAllByText('spendable 2000')).toHaveLength(3);
    expect(requests.filter((request) => request === '/v1/balance')).toHaveLength(1);
  });

  it('asks once and opens one event stream under StrictMode, which mounts every effect twice', async () => {
    const { client, requests, answered } = await (await createTestWorkspace()).connect();
    renderWithCredits(
      <StrictMode>
        <BalanceProbe />
      </StrictMode>,
      { client },
    );
    await screen.findByText('spendable 2000');
    await waitFor(() => expect(answered).toContain('/v1/events'));
    expect(requests.filter((request) => request === '/v1/balance')).toHaveLength(1);
    expect(requests.filter((request) => request === '/v1/events')).toHaveLength(1);
  });
});
