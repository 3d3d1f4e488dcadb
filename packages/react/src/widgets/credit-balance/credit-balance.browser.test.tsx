import '../../styles/styles.css';
import { CreditBalance, createCreditStore, creditQueryKeys } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { emailCharge } from '../../../test/support/charges';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { retryFromKeyboard } from '../../../test/support/retry';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server, with the kit's stylesheet: axe sees real colours.

describe('CreditBalance headline in Chromium', () => {
  it('stays on one line in a narrow card: large or fractional balances written short, the exact figure beside', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('admin');
    await client.purchases.create({ credits: 123_456_789.125 });
    for (const locale of ['en-US', 'de-DE', 'ja-JP']) {
      const { container, unmount } = renderWithCredits(
        <div style={{ width: 180 }}>
          <CreditBalance />
        </div>,
        { client, locale },
      );
      await screen.findByRole('meter', { name: 'Credits' });
      const headline = container.querySelector('.ck-balance__spendable') as HTMLElement;
      const exact = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(123_458_789.125)} credits available`;
      expect(headline, locale).toHaveAttribute('title', exact);
      expect(headline, locale).toHaveTextContent(exact);
      // The figure on screen is the short one, on one line, inside the card.
      const figure = headline.querySelector('.ck-balance__figure') as HTMLElement;
      expect(figure.textContent, locale).toBe(
        new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(123_458_789.125),
      );
      const lineHeight = Number.parseFloat(getComputedStyle(figure).lineHeight);
      expect(figure.getBoundingClientRect().height, locale).toBeLessThan(lineHeight * 1.5);
      expect(figure.getBoundingClientRect().right, locale).toBeLessThanOrEqual(headline.getBoundingClientRect().right);
      await expectNoAxeViolations(container);
      unmount();
    }
  });
});

describe('CreditBalance accessibility in Chromium', () => {
  it('has no axe violations while loading', async () => {
    const { container } = renderWithCredits(<CreditBalance />, { client: waitingClient() });
    expect(screen.getByRole('region', { name: 'Credits' })).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations loaded, with purchased credits, in the light and the dark theme', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('admin');
    await client.purchases.create({ credits: 750 });
    for (const theme of ['light', 'dark'] as const) {
      const { container, unmount } = renderWithCredits(<CreditBalance theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByRole('meter', { name: 'Credits' })).toHaveAttribute('aria-valuenow', '2750');
      expect(screen.getByRole('region', { name: 'Credits' })).toHaveAttribute('data-theme', theme);
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('R28: has no axe violations with granted credits beside the others, in the light and the dark theme', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    await workspace.grant({ credits: 400, reason: 'goodwill', expiresAt: '2099-01-01T00:00:00Z' });
    const { client } = await workspace.connect('admin');
    await client.purchases.create({ credits: 100 });
    for (const theme of ['light', 'dark'] as const) {
      const { container, unmount } = renderWithCredits(<CreditBalance theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByRole('meter', { name: 'Credits' })).toHaveAttribute('aria-valuenow', '2500');
      expect(screen.getByText('Granted').nextElementSibling).toHaveTextContent('400 credits');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('has no axe violations while a renewal is processing, in the light and the dark theme', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('member');
    // This run's server credits renewals at once (no --renewal-delay), so the processing balance is the
    // real one with the renewal still to come; the jsdom tests check this state against a delayed server.
    const balance = await client.balance.retrieve();
    const store = createCreditStore(client);
    const expectedBy = new Date(Date.now() + 90 * 60_000).toISOString();
    store.setData(creditQueryKeys.balance, {
      ...balance,
      pending: 2000,
      renewal: { status: 'processing', expectedBy },
    });
    for (const theme of ['light', 'dark'] as const) {
      const { container, unmount } = renderWithCredits(<CreditBalance theme={theme} />, { client, store });
      expect(await screen.findByText(/^Your renewal is processing/)).toHaveAttribute('role', 'status');
      expect(screen.getByRole('region', { name: 'Credits' })).toHaveAttribute('data-state', 'processing');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('has no axe violations when the balance cannot be loaded, light and dark', async () => {
    const { client } = refusedClient();
    for (const theme of ['light', 'dark'] as const) {
      const { container, unmount } = renderWithCredits(<CreditBalance theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('is operable by keyboard alone: Tab reaches Try again with a visible focus ring, Enter asks again', async () => {
    const refused = refusedClient();
    renderWithCredits(<CreditBalance />, { client: refused.client, locale: 'en-US' });
    await retryFromKeyboard(refused, '/v1/balance');
  });

  it('announces a charge made elsewhere through its polite live region', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const page = await workspace.connect('member');
    const elsewhere = await workspace.connect('member');
    renderWithCredits(<CreditBalance />, { client: page.client, locale: 'en-US' });
    const spendable = (await screen.findByText('2,000 credits available')).closest('p');
    expect(spendable).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(page.answered).toContain('/v1/events'));
    await elsewhere.client.charges.create(emailCharge('rec_1'));
    await waitFor(() => expect(spendable).toHaveTextContent('1,999 credits available'));
  });
});
