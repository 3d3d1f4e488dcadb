import '../../styles/styles.css';
import { SpendLimitDialog } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { emailCharge } from '../../../test/support/charges';
import { refusedClient } from '../../../test/support/clients';
import { textContrast } from '../../../test/support/contrast';
import { watchInjectedStyles } from '../../../test/support/injected-styles';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

// Real Chromium, real keyboard events, the real server; the kit's stylesheet is loaded, so axe checks its colours.

/** Opens the dialog from the keyboard and waits until its fields have taken the focus. */
async function openWithKeyboard(key = '{Enter}') {
  await userEvent.tab();
  const trigger = screen.getByRole('button', { name: 'Workbook credit limit' });
  expect(trigger).toHaveFocus();
  await userEvent.keyboard(key);
  const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
  await within(dialog).findByRole('switch', { name: 'Limit credit spend' });
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  return { trigger, dialog };
}

describe('SpendLimitDialog in Chromium', () => {
  it('R11: opens, switches on, takes the limit, saves and closes from the keyboard alone', async () => {
    const { admin } = await workspaceWithUsers();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'en-US' });
    const { trigger, dialog } = await openWithKeyboard('{Enter}');
    const toggle = within(dialog).getByRole('switch', { name: 'Limit credit spend' });
    expect(toggle).toHaveFocus();

    await userEvent.keyboard(' ');
    expect(toggle).toBeChecked();
    await userEvent.tab();
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    expect(input).toHaveFocus();
    await userEvent.keyboard('1,250.5');
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeVisible();
    expect(within(dialog).getByText('1,250.5 credits remaining')).toBeVisible();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({
      enabled: true,
      limit: 1250.5,
    });

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });

  it('R11: once saved from the keyboard, Done has the focus and Enter closes; the typed limit’s remainder shows first', async () => {
    const { admin, member } = await workspaceWithUsers();
    await member.client.charges.create(emailCharge('rec_1'));
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'en-US' });
    const { trigger, dialog } = await openWithKeyboard('{Enter}');
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('25');
    expect(within(dialog).getByText('24 credits remaining once saved')).toBeVisible();
    await expectNoAxeViolations();
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeVisible();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(within(dialog).getByText('24 credits remaining')).toBeVisible();
    await expectNoAxeViolations();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });

  it('R20: a disabled limit input looks disabled, its amount still readable (4.5:1), light and dark, axe clean', async () => {
    const { admin } = await workspaceWithUsers();
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 40 });
    for (const theme of ['light', 'dark'] as const) {
      const admins = renderWithCredits(<SpendLimitDialog workbookId="wb_1" defaultOpen theme={theme} />, {
        client: admin.client,
        role: 'admin',
      });
      const enabledInput = await screen.findByRole('textbox', { name: 'Limit (credits)' });
      const enabledLook = getComputedStyle(enabledInput);
      const [enabledBackground, enabledBorder] = [enabledLook.backgroundColor, enabledLook.borderStyle];
      admins.unmount();

      const members = renderWithCredits(<SpendLimitDialog workbookId="wb_1" defaultOpen theme={theme} />, {
        client: admin.client,
        role: 'member',
      });
      const input = await screen.findByRole('textbox', { name: 'Limit (credits)' });
      expect(input).toBeDisabled();
      const look = getComputedStyle(input);
      expect(look.backgroundColor).not.toBe(enabledBackground);
      expect(enabledBorder).toBe('solid');
      expect(look.borderStyle).toBe('dashed');
      expect(look.cursor).toBe('not-allowed');
      expect(look.opacity).toBe('1');
      expect(textContrast(input)).toBeGreaterThanOrEqual(4.5);
      await expectNoAxeViolations();
      members.unmount();
    }
  });

  it('opens with Space too, confirms a limit below the spend with Enter, and keeps Tab inside', async () => {
    const { admin, member } = await workspaceWithUsers();
    await member.client.charges.create(emailCharge('rec_1'));
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'en-US' });
    const { dialog } = await openWithKeyboard(' ');

    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('0.5{Enter}');
    const confirm = within(dialog).getByRole('button', { name: 'Save anyway' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Spent so far: 1 credit.');
    await userEvent.tab();
    await userEvent.tab();
    expect(confirm).toHaveFocus();
    // Tab past the last control comes back to the first: focus never leaves the dialog.
    await userEvent.tab();
    expect(within(dialog).getByRole('switch')).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeVisible();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ limit: 0.5 });
  });

  it('works under a strict CSP: opening injects no <style>, and the page behind does not scroll', async () => {
    const { admin } = await workspaceWithUsers();
    const styles = watchInjectedStyles();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin' });
    expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
    await openWithKeyboard();
    expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
    expect(styles.stop()).toEqual([]);
  });

  it('has no axe violations open for an admin, in the light and the dark theme', async () => {
    const { admin } = await workspaceWithUsers();
    const view = renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin' });
    const { dialog } = await openWithKeyboard();
    expect(dialog.closest('.ck-root')).not.toHaveAttribute('data-theme');
    await expectNoAxeViolations();
    view.unmount();

    renderWithCredits(<SpendLimitDialog workbookId="wb_1" theme="dark" />, { client: admin.client, role: 'admin' });
    const dark = await openWithKeyboard();
    expect(dark.trigger).toHaveAttribute('data-theme', 'dark');
    expect(dark.dialog.closest('.ck-root')).toHaveAttribute('data-theme', 'dark');
    expect(getComputedStyle(dark.dialog).backgroundColor).toBe('rgb(22, 24, 29)');
    await expectNoAxeViolations();
  });

  it('has no axe violations for a member, whose focus lands on the one control left: Cancel', async () => {
    const { member } = await workspaceWithUsers();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: member.client, role: 'member' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    expect(within(dialog).getByRole('switch')).toBeDisabled();
    await expectNoAxeViolations();
  });

  it('has no axe violations with invalid input and at the confirm step, in both themes', async () => {
    const { admin, member } = await workspaceWithUsers();
    await member.client.charges.create(emailCharge('rec_1'));
    for (const theme of ['light', 'dark'] as const) {
      const view = renderWithCredits(<SpendLimitDialog workbookId="wb_1" theme={theme} />, {
        client: admin.client,
        role: 'admin',
        locale: 'de-DE',
      });
      const { dialog } = await openWithKeyboard();
      await userEvent.keyboard(' ');
      await userEvent.tab();
      await userEvent.keyboard('1,2345');
      const input = within(dialog).getByRole('textbox');
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(within(dialog).getByRole('button', { name: 'Save limit' })).toBeDisabled();
      await expectNoAxeViolations();

      await userEvent.clear(input);
      await userEvent.keyboard('0,5{Enter}');
      expect(within(dialog).getByRole('button', { name: 'Save anyway' })).toBeVisible();
      await expectNoAxeViolations();
      view.unmount();
    }
  });

  it('has no axe violations after a failed save, nor when the limit cannot be loaded', async () => {
    const { member } = await workspaceWithUsers();
    // The host says admin, the session is a member's: the server refuses the save (403).
    const view = renderWithCredits(<SpendLimitDialog workbookId="wb_1" theme="dark" />, {
      client: member.client,
      role: 'admin',
    });
    const { dialog } = await openWithKeyboard();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('5{Enter}');
    expect(await within(dialog).findByText('Only workspace admins can change spend limits.')).toBeVisible();
    expect(within(dialog).getByText('No limit')).toBeVisible();
    await expectNoAxeViolations();
    view.unmount();

    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: refusedClient().client, role: 'admin' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Credits could not be loaded.')).toBeVisible();
    await expectNoAxeViolations();
  });
});
