import '../../styles/styles.css';
import { CreditActivity, type CreditActivityProps } from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { activityLines, hostNames, workspaceWithActivity } from '../../../test/support/activity';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server: real focus, real key presses, the real stylesheet.

function renderActivity(client: CreditClient, locale: string, props: CreditActivityProps = {}) {
  return renderWithCredits(<CreditActivity {...hostNames} {...props} />, { client, locale }).container;
}

const linesOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.ck-activity-line')].map((line) => line.textContent);

const focusRing = (element: Element) => getComputedStyle(element).outlineStyle;

describe('CreditActivity in Chromium', () => {
  it('R24: walks the filters with the keyboard, and announces each new selection politely', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const container = renderActivity(client, 'en-US');
    await waitFor(() => expect(linesOf(container)).toHaveLength(5));
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('role', 'status');
    // role=status is a polite live region: it speaks after what the reader is doing, never over it.
    expect(status.getAttribute('aria-live') ?? 'polite').toBe('polite');

    await userEvent.tab();
    const period = screen.getByRole('combobox', { name: 'Period' });
    expect(period).toHaveFocus();
    expect(focusRing(period)).toBe('solid');
    await userEvent.tab();
    const workbook = screen.getByRole('combobox', { name: 'Workbook' });
    expect(workbook).toHaveFocus();
    await userEvent.tab();
    const trigger = screen.getByRole('combobox', { name: 'Trigger' });
    expect(trigger).toHaveFocus();

    // A closed select steps through its options with the arrow keys: All triggers → Runs → Re-runs.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(status).toHaveTextContent('1 line for Last 30 days, All workbooks, Re-runs'));
    expect(linesOf(container)).toEqual([activityLines.north[0]]);
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(status).toHaveTextContent('1 line for Last 30 days, All workbooks, Auto-Update'));
    expect(linesOf(container)).toEqual([activityLines.south[2]]);

    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(workbook).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(status).toHaveTextContent('0 lines for Last 30 days, North workbook, Auto-Update'));
    expect(screen.getByText('No credits were charged for this selection.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('loads older charges from the keyboard', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const container = renderActivity(client, 'en-US', { pageSize: 3 });
    await waitFor(() => expect(linesOf(container)).toHaveLength(3));
    const more = screen.getByRole('button', { name: 'Show older charges' });
    more.focus();
    expect(focusRing(more)).toBe('solid');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(linesOf(container)).toEqual([...activityLines.north, ...activityLines.south]));
  });

  it('has no axe violations while loading', async () => {
    const container = renderActivity(waitingClient(), 'en-US');
    expect(screen.getByRole('status')).toHaveTextContent('Loading credits…');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations with days of refunds, AI rows, a stopped run and Auto-Update', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const container = renderActivity(client, 'en-US', { pageSize: 2 });
    await waitFor(() => expect(linesOf(container)).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Show older charges' })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when nothing was charged', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    const container = renderActivity(client, 'en-US');
    await screen.findByText('No credits were charged for this selection.');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when the activity could not be loaded, and retries from the keyboard', async () => {
    const refused = refusedClient();
    const container = renderActivity(refused.client, 'en-US');
    const retry = await screen.findByRole('button', { name: 'Try again' });
    await expectNoAxeViolations(container);
    // Past the three filters to the Try again button.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(retry).toHaveFocus();
    expect(focusRing(retry)).toBe('solid');
    const asked = refused.sentTo('/v1/usage/activity');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(refused.sentTo('/v1/usage/activity')).toBeGreaterThan(asked));
  });

  it.each(['de-DE', 'ja-JP'])('has no axe violations in %s', async (locale) => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const container = renderActivity(client, locale);
    await waitFor(() => expect(linesOf(container)).toHaveLength(5));
    await expectNoAxeViolations(container);
  });

  it('has no axe violations in the dark theme', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const container = renderActivity(client, 'en-US', { theme: 'dark' });
    await waitFor(() => expect(linesOf(container)).toHaveLength(5));
    expect(container.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(container);
  });
});
