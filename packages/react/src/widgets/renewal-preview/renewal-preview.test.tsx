import { RenewalPreview } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

/** Renders the preview for a fresh workspace on `planId`, after `prepare`, and waits for it. */
async function previewOf(
  planId: string,
  prepare?: (client: Awaited<ReturnType<typeof connectAdmin>>) => Promise<unknown>,
) {
  const client = await connectAdmin(planId);
  await prepare?.(client);
  const { periodEnd } = await client.plan.retrieve();
  renderWithCredits(<RenewalPreview />, { client, locale: 'en-US' });
  const region = screen.getByRole('region', { name: 'At renewal' });
  await waitFor(() => expect(region).toHaveAttribute('data-state', 'loaded'));
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(periodEnd));
  return {
    region,
    client,
    date,
    outcomes: within(region)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  };
}

async function connectAdmin(planId: string) {
  return (await (await createTestWorkspace(planId)).connect('admin')).client;
}

/**
 * A workspace one renewal old, so plan and rollover credits add up past the cap. Renewing takes the secret
 * key (a dev route), which stays in the test workspace, as on a host's server: the page gets a session token.
 */
async function renewedOnce(planId: string) {
  const workspace = await createTestWorkspace(planId);
  await workspace.renew();
  return (await workspace.connect('member')).client;
}

describe('RenewalPreview against the reference server', () => {
  it('R3: a monthly plan keeps every unused credit up to twice its allowance, and says when it renews', async () => {
    const { region, date, outcomes } = await previewOf('starter-monthly');
    expect(region).toHaveClass('ck-root', 'ck-renewal-preview');
    expect(region).not.toHaveAttribute('data-forfeits');
    expect(screen.getByText(`Renews on ${date}`)).toBeInTheDocument();
    expect(outcomes).toEqual(['2,000 credits roll over', '0 credits expire', '2,000 credits from the plan']);
    expect(screen.getByText('Balance after renewal: 4,000 credits')).toBeInTheDocument();
    expect(
      screen.getByText('Unused credits roll over, up to 4,000 credits of plan and rollover credits.'),
    ).toBeInTheDocument();
  });

  it('R3: past the cap, a monthly plan forfeits what plan and rollover credits exceed twice the allowance', async () => {
    renderWithCredits(<RenewalPreview />, { client: await renewedOnce('starter-monthly'), locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'At renewal' });
    await waitFor(() => expect(region).toHaveAttribute('data-forfeits'));
    // 2,000 from the plan and 2,000 rolled over: 2,000 more would pass the 4,000 cap.
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2,000 credits roll over', '2,000 credits expire', '2,000 credits from the plan']);
    expect(screen.getByText('Balance after renewal: 4,000 credits')).toBeInTheDocument();
  });

  it('R4: an annual plan keeps 15% of what is unused when it renews on the same tier', async () => {
    const { region, outcomes } = await previewOf('starter-annual');
    expect(region).toHaveAttribute('data-forfeits');
    expect(outcomes).toEqual(['3,600 credits roll over', '20,400 credits expire', '24,000 credits from the plan']);
    expect(screen.getByText('15% of unused credits roll over, on the same or a higher tier only.')).toBeInTheDocument();
    expect(screen.queryByText(/Renews into/)).not.toBeInTheDocument();
  });

  it('R4, R6: an annual plan moving down to the free plan forfeits everything unused', async () => {
    const { region, outcomes } = await previewOf('starter-annual', (client) => client.plan.change({ planId: 'free' }));
    expect(region).toHaveAttribute('data-forfeits');
    expect(screen.getByText('Renews into the Free plan')).toBeInTheDocument();
    expect(outcomes).toEqual(['0 credits roll over', '24,000 credits expire', '100 credits from the plan']);
    expect(screen.getByText('Balance after renewal: 100 credits')).toBeInTheDocument();
    // Both plans' rules hold, and both are said.
    expect(screen.getByText('15% of unused credits roll over, on the same or a higher tier only.')).toBeInTheDocument();
    expect(screen.getByText('At most 100 credits roll over.')).toBeInTheDocument();
  });

  it('R5: a trial becomes the free plan and keeps at most 100 credits', async () => {
    const { outcomes } = await previewOf('trial');
    expect(screen.getByText('Renews into the Free plan')).toBeInTheDocument();
    expect(outcomes).toEqual(['100 credits roll over', '900 credits expire', '100 credits from the plan']);
    expect(screen.getAllByText('At most 100 credits roll over.')).toHaveLength(1);
  });

  it('R17: purchased credits never expire and stay outside the cap', async () => {
    const { outcomes } = await previewOf('starter-monthly', (client) => client.purchases.create({ credits: 250 }));
    expect(outcomes).toEqual([
      '2,000 credits roll over',
      '0 credits expire',
      '250 purchased credits never expire',
      '2,000 credits from the plan',
    ]);
    expect(screen.getByText('Balance after renewal: 4,250 credits')).toBeInTheDocument();
  });

  it('R28: granted credits outlast the renewal, but those whose own expiry comes first are counted apart', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const admin = (await workspace.connect('admin')).client;
    const { periodEnd } = await admin.plan.retrieve();
    const beforeRenewal = new Date(Date.parse(periodEnd) - 86_400_000).toISOString();
    await workspace.grant({ credits: 120, reason: 'promotional', expiresAt: beforeRenewal });
    await workspace.grant({ credits: 300, reason: 'goodwill' });
    renderWithCredits(<RenewalPreview />, { client: (await workspace.connect('member')).client, locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'At renewal' });
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'loaded'));
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '2,000 credits roll over',
      '0 credits expire',
      '300 granted credits stay, each until its own expiry',
      '120 granted credits expire before then',
      '2,000 credits from the plan',
    ]);
    expect(screen.getByText('Balance after renewal: 4,300 credits')).toBeInTheDocument();
  });

  it('follows the balance live: a charge made elsewhere lowers what rolls over', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const page = await workspace.connect('member');
    const elsewhere = await workspace.connect('member');
    renderWithCredits(<RenewalPreview />, { client: page.client, locale: 'en-US' });
    expect(await screen.findByText('2,000 credits roll over')).toBeInTheDocument();
    // Charged once the page follows the stream: a charge before that never reaches it.
    await waitFor(() => expect(page.answered).toContain('/v1/events'));
    await elsewhere.client.charges.create({ actionId: 'enrich-person', workbookId: 'wb_1', recordId: 'r', field: 'x' });
    expect(await screen.findByText('1,998 credits roll over')).toBeInTheDocument();
    expect(screen.getByText('Balance after renewal: 3,998 credits')).toBeInTheDocument();
  });

  it('shows the loading state, then says the preview cannot be loaded, with a Try again button', async () => {
    const { client, requests } = refusedClient();
    renderWithCredits(<RenewalPreview theme="dark" />, { client, locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'At renewal' });
    expect(region).toHaveAttribute('data-state', 'loading');
    expect(within(region).getByRole('status')).toHaveTextContent('Loading credits…');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Credits could not be loaded.');
    expect(region).toHaveAttribute('data-state', 'error');
    expect(region).toHaveAttribute('data-theme', 'dark');
    const asked = requests.length;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(requests.length).toBeGreaterThan(asked));
  });
});
