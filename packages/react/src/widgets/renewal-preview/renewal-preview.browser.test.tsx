import '../../styles/styles.css';
import { RenewalPreview } from '@creditkit/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { retryFromKeyboard } from '../../../test/support/retry';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server, with the kit's stylesheet: axe sees real colours.

const themes = ['light', 'dark'] as const;

describe('RenewalPreview accessibility in Chromium', () => {
  it('has no axe violations while loading', async () => {
    const { container } = renderWithCredits(<RenewalPreview />, { client: waitingClient() });
    expect(screen.getByRole('region', { name: 'At renewal' })).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when nothing expires (R3) and with purchased credits, light and dark', async () => {
    const { client } = await (await createTestWorkspace('starter-monthly')).connect('admin');
    await client.purchases.create({ credits: 100 });
    for (const theme of themes) {
      const { container, unmount } = renderWithCredits(<RenewalPreview theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByText('100 purchased credits never expire')).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'At renewal' })).not.toHaveAttribute('data-forfeits');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('has no axe violations when credits expire at a move to a lower plan (R4, R6), light and dark', async () => {
    const { client } = await (await createTestWorkspace('starter-annual')).connect('admin');
    await client.plan.change({ planId: 'free' });
    for (const theme of themes) {
      const { container, unmount } = renderWithCredits(<RenewalPreview theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByText('24,000 credits expire')).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'At renewal' })).toHaveAttribute('data-forfeits');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('has no axe violations when the preview cannot be loaded, light and dark', async () => {
    const { client } = refusedClient();
    for (const theme of themes) {
      const { container, unmount } = renderWithCredits(<RenewalPreview theme={theme} />, { client, locale: 'en-US' });
      expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('is operable by keyboard alone: Tab reaches Try again with a visible focus ring, Enter asks again', async () => {
    const refused = refusedClient();
    renderWithCredits(<RenewalPreview />, { client: refused.client, locale: 'en-US' });
    await retryFromKeyboard(refused);
  });
});
