import '../../styles/styles.css';
import { CreditAlertNotice, CreditAlertSettings } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

// Real Chromium, keyboard only, the real server; the kit's stylesheet is loaded, so axe checks its colours.

describe('CreditAlertSettings in Chromium', () => {
  it('R25: an admin adds, edits and removes an alert with the keyboard alone; axe finds nothing in any state', async () => {
    const { workspace, admin } = await workspaceWithUsers();
    const { container } = renderWithCredits(
      <>
        <CreditAlertSettings />
        <CreditAlertNotice />
      </>,
      { client: admin.client, role: 'admin', locale: 'en-US' },
    );
    expect(await screen.findByText('No alerts yet.')).toBeVisible();
    await expectNoAxeViolations(container);

    // Add: Tab to the button, Enter opens the form with the focus on its first field.
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Watch' })).toHaveFocus());
    await userEvent.tab();
    expect(screen.getByRole('combobox', { name: 'Threshold in' })).toHaveFocus();
    await userEvent.tab();
    const threshold = screen.getByRole('textbox', { name: 'Threshold (Credits left)' });
    expect(threshold).toHaveFocus();
    await userEvent.keyboard('1.2345');
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(container);
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}1999{Enter}');
    const list = await screen.findByRole('list', { name: 'Alerts' });
    expect(await within(list).findByText('Balance at or below 1,999 credits')).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus());

    // Crossed by a charge: triggered in the list, and the notice says so.
    await workspace.charge({ actionId: 'find-work-email' });
    expect(await within(list).findByText('Triggered')).toBeVisible();
    expect(await screen.findByText('Credit alert: Balance at or below 1,999 credits')).toBeVisible();
    await expectNoAxeViolations(container);

    // Edit: Shift+Tab back to the row's Edit, change to a percentage, save; the focus comes back to Edit.
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Edit: Balance at or below 1,999 credits' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Watch' })).toHaveFocus());
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('combobox', { name: 'Threshold in' })).toHaveValue('percent');
    await userEvent.tab();
    await userEvent.keyboard('{Control>}a{/Control}10{Enter}');
    const edit = await screen.findByRole('button', { name: 'Edit: Balance at or below 10% of the plan allowance' });
    await waitFor(() => expect(edit).toHaveFocus());
    expect((await admin.client.alerts.list()).data).toMatchObject([{ unit: 'percent', threshold: 10, state: 'armed' }]);

    // Remove: Tab to Remove, Enter; the focus goes to Add.
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Alert removed')).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus());
    await expectNoAxeViolations(container);
  });

  it('R20: a member sees the alerts read-only, with no control to reach; axe finds nothing', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.alerts.create({ scope: 'workbook', scopeId: 'wb_1', unit: 'percent', threshold: 80 });
    const { container } = renderWithCredits(<CreditAlertSettings theme="dark" />, {
      client: member.client,
      role: 'member',
      locale: 'en-US',
    });
    expect(await screen.findByText('Workbook limit wb_1: 80% used')).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
  });
});
