import '../../styles/styles.css';
import { LimitReachedNotice } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import {
  emailCharge,
  exhaustRunBudget,
  reachEnrichmentLimit,
  reachWorkbookLimit,
  refusalOf,
} from '../../../test/support/charges';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

// Real Chromium, real keyboard events, the real server; the kit's stylesheet is loaded, so axe checks its colours.

/** A theme variable as the browser resolves it inside `root`. */
function themeColour(root: HTMLElement, variable: string): string {
  const probe = root.appendChild(document.createElement('span'));
  probe.style.color = `var(${variable})`;
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

describe('LimitReachedNotice in Chromium', () => {
  it('R11: an admin raises the limit from the notice with the keyboard alone, and focus comes back', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    const view = renderWithCredits(<LimitReachedNotice error={error} />, {
      client: admin.client,
      role: 'admin',
      locale: 'en-US',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('This workbook has reached its credit limit.');

    await userEvent.tab();
    const raise = screen.getByRole('button', { name: 'Raise the limit' });
    expect(raise).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    const toggle = await within(dialog).findByRole('switch', { name: 'Limit credit spend' });
    await waitFor(() => expect(toggle).toHaveFocus());
    expect(toggle).toBeChecked();
    await expectNoAxeViolations();

    await userEvent.tab();
    await userEvent.keyboard('{Control>}a{/Control}10{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeVisible();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ limit: 10 });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The raise cleared the notice and its button with it: focus stays where the notice is, not lost to the page.
    const root = view.container.querySelector('.ck-root');
    await waitFor(() => expect(root).toHaveFocus());
    expect(raise).not.toBeInTheDocument();
  });

  it('R11: raised from its own dialog with the keyboard, the notice clears once Done closes the dialog', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    const view = renderWithCredits(<LimitReachedNotice error={error} />, { client: admin.client, role: 'admin' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    await waitFor(() => expect(within(dialog).getByRole('switch')).toHaveFocus());
    await userEvent.tab();
    await userEvent.keyboard('{Control>}a{/Control}25{Enter}');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('alert')).toBeEmptyDOMElement());
    expect(view.container.querySelector('.ck-root')).toHaveAttribute('data-state', 'idle');
    await waitFor(() => expect(view.container.querySelector('.ck-root')).toHaveFocus());
    await expectNoAxeViolations(view.container);
  });

  it('R9: a used run budget is no danger: the accent marks it, Continue is one Tab away, axe clean light and dark', async () => {
    const { member } = await workspaceWithUsers();
    const error = await exhaustRunBudget(member.client, 'run_3');
    for (const theme of ['light', 'dark'] as const) {
      let continued = 0;
      const view = renderWithCredits(
        <LimitReachedNotice error={error} theme={theme} onContinueRun={() => (continued += 1)} />,
        { client: member.client, role: 'member' },
      );
      const root = view.container.querySelector('.ck-root') as HTMLElement;
      expect(getComputedStyle(root).borderLeftColor).toBe(themeColour(root, '--ck-color-accent'));
      expect(getComputedStyle(root).borderLeftColor).not.toBe(themeColour(root, '--ck-color-danger'));
      await userEvent.tab();
      expect(screen.getByRole('button', { name: 'Continue with a bigger budget' })).toHaveFocus();
      await userEvent.keyboard('{Enter}');
      expect(continued).toBe(1);
      await expectNoAxeViolations(view.container);
      view.unmount();
    }
  });

  it('has no axe violations for a workbook limit, for admins and members, light and dark', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    for (const role of ['admin', 'member'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const view = renderWithCredits(<LimitReachedNotice error={error} theme={theme} />, {
          client: role === 'admin' ? admin.client : member.client,
          role,
        });
        expect(screen.getByRole('alert')).toHaveTextContent('Limit 2 · spent 2 · 0 left');
        expect(view.container.querySelector('.ck-root')).toHaveAttribute('data-theme', theme);
        await expectNoAxeViolations(view.container);
        view.unmount();
      }
    }
  });

  it('R14, R9: has no axe violations for the workspace balance and for a run budget', async () => {
    const { admin, member } = await workspaceWithUsers('free');
    await member.client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_1', budget: 0.001 });
    const runError = await refusalOf(
      member.client.charges.create(emailCharge('rec_1', { actionId: 'ai-write-gpt-mini', runId: 'run_1' })),
    );
    await member.client.ai.runs.create({ runId: 'run_all', workbookId: 'wb_1', budget: 99.999 });
    const balanceError = await refusalOf(member.client.charges.create(emailCharge('rec_2')));

    const admins = renderWithCredits(<LimitReachedNotice error={balanceError} onBuyCredits={() => {}} />, {
      client: admin.client,
      role: 'admin',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Your workspace is out of credits.');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Buy credits' })).toHaveFocus();
    await expectNoAxeViolations(admins.container);
    admins.unmount();

    const members = renderWithCredits(<LimitReachedNotice error={balanceError} theme="dark" />, {
      client: member.client,
      role: 'member',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Ask a workspace admin to buy credits.');
    await expectNoAxeViolations(members.container);
    members.unmount();

    const run = renderWithCredits(<LimitReachedNotice error={runError} />, { client: admin.client, role: 'admin' });
    expect(screen.getByRole('alert')).toHaveTextContent(/^This run used its [\d.]+-credit budget\./);
    await expectNoAxeViolations(run.container);
  });

  it('R12: has no axe violations while idle, nor once a limit.reached event fills it', async () => {
    const { admin, member } = await workspaceWithUsers();
    const view = renderWithCredits(<LimitReachedNotice />, { client: member.client, role: 'member' });
    await waitFor(() => expect(member.answered).toContain('/v1/events'));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    await expectNoAxeViolations(view.container);

    await reachEnrichmentLimit(admin.client, member.client);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('This enrichment has reached its credit limit.'),
    );
    await expectNoAxeViolations(view.container);
  });
});
