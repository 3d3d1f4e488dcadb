import '../../styles/styles.css';
import { CreditCostBadge } from '@creditkit/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { actionRequests, distinctActionIds, mountAndRemount } from '../../../test/support/cost-badge-panel';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server, with the kit's stylesheet: axe sees real colours.

describe('CreditCostBadge in Chromium', () => {
  it('R8: 300 badges of 300 distinct actions make exactly one request to /v1/actions, and remounting them none', async () => {
    const session = await (await createTestWorkspace()).connect('member');
    const outcome = await mountAndRemount(session, CreditCostBadge, distinctActionIds(300));
    expect(outcome.requestsToMount).toBe(1);
    expect(actionRequests(session)[0]?.split(',')).toHaveLength(300);
    // The 10 priced actions of the catalogue, its free domain lookup, and 289 ids it does not know.
    expect(outcome.first).toEqual({ priced: 10, free: 1, 'not-found': 289 });
    expect(outcome.remounted).toEqual(outcome.first);
    expect(outcome.requestsToRemount).toBe(0);
  });
});

describe('CreditCostBadge details in Chromium', () => {
  it('R8: shows provider and data type to sighted readers, or keeps them to the description and tooltip, axe clean', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    for (const theme of ['light', 'dark'] as const) {
      const view = renderWithCredits(
        <p>
          <CreditCostBadge actionId="find-work-email" theme={theme} />
          <CreditCostBadge actionId="find-mobile-phone" theme={theme} showDetails={false} />
        </p>,
        { client, locale: 'en-US' },
      );
      await screen.findByRole('group', { name: 'Find work email: 1 credit' });
      const shown = screen.getByText('Provider: mailfinder · Data: email');
      expect(shown).toBeVisible();
      expect(shown.closest('.ck-cost-badge__details')?.getBoundingClientRect().width).toBeGreaterThan(50);
      const kept = await screen.findByText('Provider: phonebook · Data: mobile_phone');
      expect(kept.closest('.ck-cost-badge__details')?.getBoundingClientRect().width).toBeLessThanOrEqual(1);
      await expectNoAxeViolations(view.container);
      view.unmount();
    }
  });
});

describe('CreditCostBadge accessibility in Chromium', () => {
  it('has no axe violations while loading', async () => {
    const { container } = renderWithCredits(<CreditCostBadge actionId="find-work-email" />, {
      client: waitingClient(),
    });
    expect(screen.getByText('Loading credits…')).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations priced, free, AI per row, AI for rows and not found, in the light and the dark theme', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    for (const theme of ['light', 'dark'] as const) {
      const { container, unmount } = renderWithCredits(
        <p>
          <CreditCostBadge actionId="find-mobile-phone" theme={theme} />
          <CreditCostBadge actionId="lookup-company-domain" theme={theme} />
          <CreditCostBadge actionId="ai-write-gpt-large" theme={theme} />
          <CreditCostBadge actionId="ai-write-gpt-mini" rows={100} theme={theme} />
          <CreditCostBadge actionId="find-unicorn" theme={theme} />
        </p>,
        { client, locale: 'en-US' },
      );
      expect(await screen.findByRole('group', { name: 'Find mobile phone number: 10 credits' })).toHaveAttribute(
        'data-theme',
        theme,
      );
      await screen.findByRole('group', { name: 'Look up company domain: Free' });
      await screen.findByRole('group', { name: 'Use AI (GPT large): ≈4 credits / row' });
      await screen.findByRole('group', { name: 'Use AI (GPT mini): ≈28 credits for 100 rows' });
      await screen.findByText('Cost unavailable');
      await expectNoAxeViolations(container);
      unmount();
    }
  });

  it('has no axe violations with the workspace’s own key, light and dark', async () => {
    const { client } = await (await createTestWorkspace()).connect('admin');
    await client.integrations.setKey('openai', { apiKey: 'sk-openai-test-0123456789' });
    const { container } = renderWithCredits(
      <>
        <CreditCostBadge actionId="ai-write-gpt-mini" />
        <CreditCostBadge actionId="ai-write-gpt-large" rows={10} theme="dark" />
      </>,
      { client, locale: 'en-US' },
    );
    expect(await screen.findAllByRole('group', { name: /Free · own key$/ })).toHaveLength(2);
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when the costs cannot be loaded', async () => {
    const { client } = refusedClient();
    const { container } = renderWithCredits(
      <>
        <CreditCostBadge actionId="find-work-email" />
        <CreditCostBadge actionId="enrich-person" theme="dark" />
      </>,
      { client, locale: 'en-US' },
    );
    expect(await screen.findAllByText('Credits could not be loaded.')).toHaveLength(2);
    await expectNoAxeViolations(container);
  });
});
