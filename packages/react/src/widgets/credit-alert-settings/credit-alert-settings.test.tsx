import { CreditAlertNotice, CreditAlertSettings } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

const list = () => screen.findByRole('list', { name: 'Alerts' });

describe('CreditAlertSettings against the reference server', () => {
  it('R25, R20: an admin adds a balance alert; charges cross it, the list says triggered and the notice says so politely', async () => {
    const { workspace, admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(
      <>
        <CreditAlertSettings />
        <CreditAlertNotice />
      </>,
      { client: admin.client, role: 'admin', locale: 'en-US' },
    );
    expect(await screen.findByText('No alerts yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add alert' }));
    expect(screen.getByRole('combobox', { name: 'Watch' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'Threshold (Credits left)' }), '1,997.5{Enter}');
    expect(await within(await list()).findByText('Balance at or below 1,997.5 credits')).toBeInTheDocument();
    expect(screen.getByText('Alert saved')).toBeInTheDocument();
    expect(await admin.client.alerts.list()).toMatchObject({ data: [{ unit: 'credits', threshold: 1997.5 }] });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus());

    for (let i = 0; i < 3; i += 1) await workspace.charge({ actionId: 'find-work-email' });
    expect(await within(await list()).findByText('Triggered')).toBeInTheDocument();
    const notice = screen.getAllByRole('status').find((region) => region.closest('.ck-alert-notice'));
    await waitFor(() =>
      expect(notice).toHaveTextContent('Credit alert: Balance at or below 1,997.5 credits1,997 credits left.'),
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(notice).toBeEmptyDOMElement();
  });

  it('R25: edits an alert to a percentage with inline validation, then removes it', async () => {
    const { admin } = await workspaceWithUsers();
    await admin.client.alerts.create({ scope: 'balance', unit: 'credits', threshold: 100 });
    const user = userEvent.setup();
    renderWithCredits(<CreditAlertSettings />, { client: admin.client, role: 'admin', locale: 'en-US' });

    await user.click(await screen.findByRole('button', { name: 'Edit: Balance at or below 100 credits' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Watch' }), 'workbook');
    const threshold = screen.getByRole('textbox', { name: 'Threshold (Percent)' });
    await user.clear(threshold);
    await user.type(threshold, '0{Enter}');
    // The id is asked for first, then the percentage.
    const id = screen.getByRole('textbox', { name: 'Workbook, enrichment or run id' });
    expect(id).toHaveFocus();
    expect(id).toHaveAccessibleDescription('Enter the id of the workbook, enrichment or run.');
    await user.type(id, 'wb_1{Enter}');
    expect(threshold).toHaveFocus();
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(threshold).toHaveAccessibleDescription('Enter a whole percentage from 1 to 100.');
    await user.clear(threshold);
    await user.type(threshold, '80{Enter}');
    expect(await within(await list()).findByText('Workbook limit wb_1: 80% used')).toBeInTheDocument();
    expect((await admin.client.alerts.list()).data).toMatchObject([
      { scope: 'workbook', scopeId: 'wb_1', unit: 'percent', threshold: 80 },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove: Workbook limit wb_1: 80% used' }));
    expect(await screen.findByText('Alert removed')).toBeInTheDocument();
    expect(await screen.findByText('No alerts yet.')).toBeInTheDocument();
    expect((await admin.client.alerts.list()).data).toEqual([]);
  });

  it('reads a threshold in the locale (de-DE: 1.000,5 is 1000.5) with parseCredits, and refuses 4 decimals inline', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<CreditAlertSettings />, { client: admin.client, role: 'admin', locale: 'de-DE' });
    await user.click(await screen.findByRole('button', { name: 'Add alert' }));
    const threshold = screen.getByRole('textbox', { name: 'Threshold (Credits left)' });
    await user.type(threshold, '1,0001');
    expect(threshold).toHaveAccessibleDescription('Use at most 3 decimals.');
    await user.clear(threshold);
    await user.type(threshold, '1.000,5{Enter}');
    expect(await within(await list()).findByText('Balance at or below 1.000,5 credits')).toBeInTheDocument();
    expect((await admin.client.alerts.list()).data).toMatchObject([{ threshold: 1000.5 }]);
  });

  it('R20: a member reads the alerts and their state, with no way to change them', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.alerts.create({ scope: 'balance', unit: 'percent', threshold: 100 });
    renderWithCredits(<CreditAlertSettings />, { client: member.client, role: 'member', locale: 'en-US' });
    expect(
      await within(await screen.findByRole('list', { name: 'Alerts' })).findByText('Triggered'),
    ).toBeInTheDocument();
    expect(screen.getByText('Balance at or below 100% of the plan allowance')).toBeInTheDocument();
    expect(screen.getByText('Only workspace admins can change alerts.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
