import '../../styles/styles.css';
import { FillRate, type FillRateField, type FillRateProps } from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { retryFromKeyboard } from '../../../test/support/retry';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server: real focus, real key presses, the real stylesheet.

const fields: FillRateField[] = [
  { field: 'name', label: 'Name', filled: 990, actionId: 'enrich-person' },
  { field: 'email', label: 'Work email', filled: 640, actionId: 'find-work-email' },
  { field: 'mobile', label: 'Mobile phone', filled: 120, actionId: 'find-mobile-phone' },
  { field: 'linkedin', label: 'LinkedIn URL', filled: 1000, actionId: 'find-linkedin-url' },
  { field: 'notes', label: 'Notes', filled: 3 },
];

function renderFillRate(client: CreditClient, locale: string, props: Partial<FillRateProps> = {}) {
  return renderWithCredits(<FillRate audienceSize={1000} fields={fields} {...props} />, { client, locale }).container;
}

const stateOf = (container: HTMLElement) => container.querySelector('.ck-root')?.getAttribute('data-state');

const member = async () => (await createTestWorkspace()).connect('member');

describe('FillRate in Chromium', () => {
  it('has no axe violations while the costs load', async () => {
    const container = renderFillRate(waitingClient(), 'en-US');
    expect(stateOf(container)).toBe('loading');
    await expectNoAxeViolations(container);
  });

  it('R22: has no axe violations with every field rated and priced', async () => {
    const container = renderFillRate((await member()).client, 'en-US');
    await waitFor(() => expect(stateOf(container)).toBe('ready'));
    expect(screen.getByRole('meter', { name: 'Mobile phone' })).toHaveAttribute('aria-valuetext', '12%');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations with nothing to rate', async () => {
    const container = renderFillRate((await member()).client, 'en-US', { audienceSize: 0 });
    expect(stateOf(container)).toBe('empty');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when the costs failed, and retries from the keyboard', async () => {
    const refused = refusedClient();
    const container = renderFillRate(refused.client, 'en-US');
    await screen.findByRole('alert');
    await expectNoAxeViolations(container);
    await retryFromKeyboard(refused);
  });

  it('R10: has no axe violations when the own key makes a field free to fill', async () => {
    const workspace = await createTestWorkspace();
    await (await workspace.connect('admin')).client.integrations.setKey('mailfinder', { apiKey: 'own-mail-key-0001' });
    const container = renderFillRate((await workspace.connect('member')).client, 'en-US');
    await screen.findByText('Free · own key');
    await expectNoAxeViolations(container);
  });

  it.each(['de-DE', 'ja-JP'])('has no axe violations in %s', async (locale) => {
    const container = renderFillRate((await member()).client, locale);
    await waitFor(() => expect(stateOf(container)).toBe('ready'));
    await expectNoAxeViolations(container);
  });

  it('has no axe violations in the dark theme', async () => {
    const container = renderFillRate((await member()).client, 'en-US', { theme: 'dark' });
    await waitFor(() => expect(stateOf(container)).toBe('ready'));
    expect(container.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(container);
  });
});
