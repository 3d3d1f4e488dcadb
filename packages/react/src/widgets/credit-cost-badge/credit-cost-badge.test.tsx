import { CreditCostBadge } from '@creditkit/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

const badgeOf = (name: string) => screen.findByRole('group', { name });

describe('CreditCostBadge against the reference server', () => {
  it('R8: shows each lookup’s cost, named after its action, described by provider and data type, in one request', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(
      <>
        <CreditCostBadge actionId="find-work-email" />
        <CreditCostBadge actionId="verify-email" />
        <CreditCostBadge actionId="find-mobile-phone" />
      </>,
      { client, locale: 'en-US' },
    );
    expect(screen.getAllByText('Loading credits…')).toHaveLength(3);

    const email = await badgeOf('Find work email: 1 credit');
    expect(email).toHaveAttribute('data-state', 'priced');
    expect(email).toHaveAttribute('data-kind', 'lookup');
    expect(email).toHaveClass('ck-root', 'ck-cost-badge');
    expect(email).toHaveAccessibleDescription('Provider: mailfinder · Data: email');
    expect(await badgeOf('Verify email: 0.5 credits')).toBeInTheDocument();
    const phone = await badgeOf('Find mobile phone number: 10 credits');
    expect(phone).toHaveAccessibleDescription('Provider: phonebook · Data: mobile_phone');
    expect(requests.filter((request) => request.startsWith('/v1/actions'))).toHaveLength(1);
  });

  it('R8: shows provider and data type to sighted readers too, unless the host keeps them to the description', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(
      <>
        <CreditCostBadge actionId="find-work-email" />
        <CreditCostBadge actionId="find-mobile-phone" showDetails={false} />
      </>,
      { client, locale: 'en-US' },
    );
    const email = await badgeOf('Find work email: 1 credit');
    expect(email).toHaveAttribute('data-details', 'visible');
    expect(email).toHaveAccessibleDescription('Provider: mailfinder · Data: email');
    expect(email).not.toHaveAttribute('title');
    const phone = await badgeOf('Find mobile phone number: 10 credits');
    expect(phone).toHaveAttribute('data-details', 'hidden');
    expect(phone).toHaveAccessibleDescription('Provider: phonebook · Data: mobile_phone');
    // Hidden from sight, the details are still a pointer's tooltip.
    expect(phone).toHaveAttribute('title', 'Provider: phonebook · Data: mobile_phone');
  });

  it('R8: says "Free" for the free domain lookup', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(<CreditCostBadge actionId="lookup-company-domain" />, { client, locale: 'en-US' });
    const badge = await badgeOf('Look up company domain: Free');
    expect(badge).toHaveAttribute('data-state', 'free');
    expect(badge).toHaveAccessibleDescription('Provider: dnsdata · Data: domain');
  });

  it('R10: says "Free · own key" and why, when the workspace’s own key pays the provider', async () => {
    const { client } = await (await createTestWorkspace()).connect('admin');
    await client.integrations.setKey('phonebook', { apiKey: 'pb_live_0123456789' });
    renderWithCredits(
      <>
        <CreditCostBadge actionId="find-mobile-phone" rows={100} />
        <CreditCostBadge actionId="find-work-email" />
      </>,
      { client, locale: 'en-US' },
    );
    const phone = await badgeOf('Find mobile phone number: Free · own key');
    expect(phone).toHaveAttribute('data-state', 'own-key');
    expect(phone).toHaveAccessibleDescription(
      'Provider: phonebook · Data: mobile_phone Your own phonebook API key is used, so no credits are charged.',
    );
    // Another provider's action still costs credits.
    expect(await badgeOf('Find work email: 1 credit')).toHaveAttribute('data-state', 'priced');
  });

  it('R9: quotes an AI action per row, and a run’s total for `rows`, in the reader’s locale', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(
      <>
        <CreditCostBadge actionId="ai-write-gpt-mini" />
        <CreditCostBadge actionId="ai-write-claude-haiku" rows={1000} />
        <CreditCostBadge actionId="find-work-email" rows={1} />
      </>,
      { client, locale: 'de-DE' },
    );
    // gpt-mini: 800 prompt tokens × 0.2 + 200 output tokens × 0.6 per 1,000 tokens = 0.28 credits a typical row.
    const perRow = await badgeOf('Use AI (GPT mini): ≈0,28 credits / row');
    expect(perRow).toHaveAttribute('data-kind', 'ai');
    expect(perRow).toHaveAccessibleDescription('Provider: openai · Data: ai_text');
    // claude-haiku: 0.4 + 0.3 = 0.7 a row, charged row by row: 700 for 1,000 rows.
    expect(await badgeOf('Use AI (Claude Haiku): ≈700 credits for 1.000 rows')).toHaveTextContent(
      /^≈700 credits for 1\.000 rows/,
    );
    expect(await badgeOf('Find work email: ≈1 credit for 1 row')).toBeInTheDocument();
  });

  it('shows a not-found state for an unknown action instead of failing', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(
      <>
        <CreditCostBadge actionId="find-unicorn" />
        <CreditCostBadge actionId="find-work-email" />
      </>,
      { client, locale: 'en-US' },
    );
    const unknown = await screen.findByText('Cost unavailable');
    expect(unknown).toHaveAttribute('data-state', 'not-found');
    expect(unknown).toHaveClass('ck-root');
    expect(await badgeOf('Find work email: 1 credit')).toBeInTheDocument();
  });

  it('shows an error state when the costs cannot be loaded, and the dark theme when asked', async () => {
    const { client } = refusedClient();
    renderWithCredits(<CreditCostBadge actionId="find-work-email" theme="dark" />, { client, locale: 'en-US' });
    const failed = await screen.findByText('Credits could not be loaded.');
    expect(failed).toHaveAttribute('data-state', 'error');
    expect(failed).toHaveAttribute('data-theme', 'dark');
  });
});
