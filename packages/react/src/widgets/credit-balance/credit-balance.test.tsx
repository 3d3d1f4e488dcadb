import { CreditBalance } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../../test/support/clients';
import { withProcessingRenewals } from '../../../test/support/processing-renewal';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

const definition = (term: string) => screen.getByText(term).nextElementSibling;

describe('CreditBalance against the reference server', () => {
  it('R1, R3: shows the loading state, then spendable credits on a meter against the allowance, by source', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('member');
    const { periodEnd } = await client.balance.retrieve();
    renderWithCredits(<CreditBalance />, { client, locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'Credits' });
    expect(region).toHaveAttribute('data-state', 'loading');
    expect(within(region).getByRole('status')).toHaveTextContent('Loading credits…');

    const meter = await screen.findByRole('meter', { name: 'Credits' });
    expect(region).toHaveAttribute('data-state', 'loaded');
    expect(region).toHaveClass('ck-root', 'ck-balance');
    expect(meter).toHaveAttribute('aria-valuenow', '2000');
    expect(meter).toHaveAttribute('aria-valuemin', '0');
    expect(meter).toHaveAttribute('aria-valuemax', '2000');
    expect(meter).toHaveAttribute('aria-valuetext', '2,000 credits available');
    expect(meter).toHaveAccessibleDescription('Plan allowance: 2,000 credits');
    expect(screen.getByText('2,000 credits available')).toBeInTheDocument();
    expect(definition('Plan')).toHaveTextContent('2,000 credits');
    expect(definition('Rollover')).toHaveTextContent('0 credits');
    expect(definition('Purchased')).toHaveTextContent('0 credits');
    expect(screen.getByText('Rollover capped at 4,000 credits')).toBeInTheDocument();
    const renewal = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(periodEnd));
    expect(screen.getByText(`Renews on ${renewal}`)).toBeInTheDocument();
    expect(screen.queryByText(/pending/)).not.toBeInTheDocument();
  });

  it('R17: counts purchased credits as their own source, and fills the meter to what is there', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('admin');
    await client.purchases.create({ credits: 500 });
    renderWithCredits(<CreditBalance />, { client, locale: 'de-DE' });
    const meter = await screen.findByRole('meter', { name: 'Credits' });
    expect(meter).toHaveAttribute('aria-valuenow', '2500');
    expect(meter).toHaveAttribute('aria-valuemax', '2500');
    expect(meter).toHaveAttribute('aria-valuetext', '2.500 credits available');
    expect(definition('Purchased')).toHaveTextContent('500 credits');
  });

  it('R28: says nothing of granted credits while the workspace has none', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { client } = await workspace.connect('member');
    renderWithCredits(<CreditBalance />, { client, locale: 'en-US' });
    await screen.findByText('2,000 credits available');
    // A workspace that was never granted credits is not told about them.
    expect(screen.queryByText('Granted')).not.toBeInTheDocument();
    expect(document.querySelector('rect[data-source="granted"]')).toHaveAttribute('width', '0');
  });

  it('R28: counts credits the host granted as their own source, beside plan and purchased', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    await workspace.grant({ credits: 300, reason: 'compensation', expiresAt: '2099-01-01T00:00:00Z' });
    await workspace.grant({ credits: 200.5, reason: 'promotional', note: 'Launch week' });
    const { client } = await workspace.connect('member');
    renderWithCredits(<CreditBalance />, { client, locale: 'en-US' });
    const meter = await screen.findByRole('meter', { name: 'Credits' });
    expect(meter).toHaveAttribute('aria-valuenow', '2500.5');
    expect(meter).toHaveAttribute('aria-valuemax', '2500.5');
    expect(definition('Granted')).toHaveTextContent('500.5 credits');
    expect(definition('Plan')).toHaveTextContent('2,000 credits');
    const granted = document.querySelector('rect[data-source="granted"]');
    expect(Number(granted?.getAttribute('width'))).toBeCloseTo((500.5 / 2500.5) * 100, 6);
  });

  it('R5: has no rollover cap to show on the free plan', async () => {
    const { client } = await (await createTestWorkspace('free')).connect('member');
    renderWithCredits(<CreditBalance />, { client, locale: 'en-US' });
    expect(await screen.findByText('100 credits available')).toBeInTheDocument();
    expect(screen.queryByText(/Rollover capped/)).not.toBeInTheDocument();
  });

  it('moves and announces politely when a charge is made with the secret key, without asking for the balance again', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const page = await workspace.connect('member');
    renderWithCredits(<CreditBalance />, { client: page.client, locale: 'en-US' });
    const spendable = (await screen.findByText('2,000 credits available')).closest('p');
    expect(spendable).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(page.answered).toContain('/v1/events'));

    await workspace.charge({ actionId: 'find-mobile-phone' });
    await waitFor(() => expect(spendable).toHaveTextContent('1,990 credits available'));
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuenow', '1990');
    expect(definition('Plan')).toHaveTextContent('1,990 credits');
    expect(page.sentTo('/v1/balance')).toBe(1);
  });

  it('says the credits cannot be loaded, and asks again from the Try again button', async () => {
    const { client, sentTo } = refusedClient();
    renderWithCredits(<CreditBalance theme="dark" />, { client, locale: 'en-US' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Credits could not be loaded.');
    const region = screen.getByRole('region', { name: 'Credits' });
    expect(region).toHaveAttribute('data-state', 'error');
    expect(region).toHaveAttribute('data-theme', 'dark');
    const asked = sentTo('/v1/balance');

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sentTo('/v1/balance')).toBeGreaterThan(asked));
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
  });
});

describe('CreditBalance while a renewal is processing (R7)', () => {
  const renewedWorkspace = withProcessingRenewals();

  it('says the renewal may take up to 2 hours, and when its credits are expected, instead of a scary low balance', async () => {
    const { workspace, renewed } = await renewedWorkspace();
    expect(renewed.renewal.status).toBe('processing');

    const { client } = await workspace.connect('member');
    renderWithCredits(<CreditBalance />, { client, locale: 'en-US' });
    const notice = await screen.findByText(
      /^Your renewal is processing: its credits may take up to 2 hours to appear\./,
    );
    expect(notice).toHaveAttribute('role', 'status');
    const expectedBy = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(renewed.renewal.expectedBy ?? ''),
    );
    expect(notice).toHaveTextContent(`Expected by ${expectedBy}.`);
    expect(screen.getByRole('region', { name: 'Credits' })).toHaveAttribute('data-state', 'processing');
    expect(screen.getByText(`${new Intl.NumberFormat('en-US').format(renewed.pending)} credits pending`)).toBeVisible();
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuenow', String(renewed.spendable));
  });
});
