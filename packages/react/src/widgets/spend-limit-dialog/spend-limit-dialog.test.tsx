import { createCreditStore, creditQueryKeys, SpendLimitDialog } from '@creditkit/react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { emailCharge } from '../../../test/support/charges';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

/** Opens the dialog with its default trigger and waits for the limit to load. */
async function openDialog(user: ReturnType<typeof userEvent.setup>, trigger = 'Workbook credit limit') {
  await user.click(screen.getByRole('button', { name: trigger }));
  const dialog = await screen.findByRole('dialog', { name: trigger });
  await within(dialog).findByRole('switch', { name: 'Limit credit spend' });
  return dialog;
}

/** A page that opens the dialog itself and records every change the dialog asks for. */
function ControllingHost({ changes }: { changes: boolean[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        open from outside
      </button>
      <SpendLimitDialog
        workbookId="wb_1"
        open={open}
        onOpenChange={(next) => {
          changes.push(next);
          setOpen(next);
        }}
      />
    </>
  );
}

describe('SpendLimitDialog against the reference server', () => {
  it('R11: an admin turns the workbook limit on, types it the de-DE way and the server saves exactly that', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'de-DE' });
    const dialog = await openDialog(user);
    expect(dialog.closest('.ck-root')).toHaveClass('ck-spend-limit');
    expect(dialog).toHaveAccessibleDescription(
      'Charges stop once this much has been spent. Refunded credits count back.',
    );
    expect(within(dialog).getByText('0 credits spent')).toBeInTheDocument();
    expect(within(dialog).getByText('No limit')).toBeInTheDocument();

    const toggle = within(dialog).getByRole('switch', { name: 'Limit credit spend' });
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    expect(toggle).toHaveAttribute('data-state', 'unchecked');
    expect(input).toBeDisabled();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('data-state', 'checked');
    expect(input).toHaveAttribute('inputmode', 'decimal');
    await user.type(input, '1.000,5');
    await user.click(within(dialog).getByRole('button', { name: 'Save limit' }));

    expect(await within(dialog).findByText('Limit saved')).toHaveAttribute('role', 'status');
    expect(within(dialog).getByText('1.000,5 credits remaining')).toBeInTheDocument();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({
      enabled: true,
      limit: 1000.5,
    });
  });

  it('R12: an enrichment limit opens from its own trigger, starts from the saved limit and turns it off', async () => {
    const { admin } = await workspaceWithUsers();
    await admin.client.spendLimits.update({ enrichmentId: 'en_1' }, { enabled: true, limit: 2500 });
    const user = userEvent.setup();
    renderWithCredits(
      <SpendLimitDialog enrichmentId="en_1">
        <button type="button">Limits…</button>
      </SpendLimitDialog>,
      { client: admin.client, role: 'admin', locale: 'en-US' },
    );
    await user.click(screen.getByRole('button', { name: 'Limits…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enrichment credit limit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Limit (credits)' });
    expect(input).toHaveValue('2,500');
    expect(within(dialog).getByText('2,500 credits remaining')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save limit' }));
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    expect(await admin.client.spendLimits.retrieve({ enrichmentId: 'en_1' })).toMatchObject({
      enabled: false,
      limit: 2500,
    });
  });

  it('R20: a member sees every control disabled, with the reason they are described by', async () => {
    const { member } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: member.client, role: 'member' });
    const dialog = await openDialog(user);
    const reason = 'Only workspace admins can change spend limits.';
    expect(within(dialog).getByText(reason)).toBeVisible();
    for (const control of [
      within(dialog).getByRole('switch', { name: 'Limit credit spend' }),
      within(dialog).getByRole('textbox', { name: 'Limit (credits)' }),
      within(dialog).getByRole('button', { name: 'Save limit' }),
    ]) {
      expect(control).toBeDisabled();
      expect(control).toHaveAccessibleDescription(reason);
    }
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  it('keeps Save disabled, with the reason, for negative, non-numeric, over-precise and ambiguous amounts', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'de-DE' });
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    const save = within(dialog).getByRole('button', { name: 'Save limit' });

    for (const [typed, why] of [
      ['-5', 'Credits cannot be negative.'],
      ['zwölf', 'Enter a number of credits.'],
      ['1,2345', 'Use at most 3 decimals.'],
      ['1,000.5', 'Enter a number of credits.'],
    ] as const) {
      await user.clear(input);
      await user.type(input, typed);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(why);
      expect(save).toBeDisabled();
    }
    await user.clear(input);
    await user.type(input, '1.000,25');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAccessibleDescription();
    expect(save).toBeEnabled();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ enabled: false });
  });

  it('R11: asks before saving a limit below what is spent, and saves only once confirmed', async () => {
    const { admin, member } = await workspaceWithUsers();
    for (const record of ['rec_1', 'rec_2', 'rec_3']) await member.client.charges.create(emailCharge(record));
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'en-US' });
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('3 credits spent')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    await user.type(input, '2{Enter}');

    const warning = 'Spent so far: 3 credits. A limit of 2 credits stops every further charge right away.';
    expect(within(dialog).getByRole('alert')).toHaveTextContent(warning);
    const confirm = within(dialog).getByRole('button', { name: 'Save anyway' });
    expect(confirm).toHaveAccessibleDescription(warning);
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ enabled: false });

    // Changing the amount takes the question back: it was about the old amount.
    await user.type(input, '0');
    expect(within(dialog).queryByRole('button', { name: 'Save anyway' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toBeEmptyDOMElement();
    await user.clear(input);
    await user.type(input, '2{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ enabled: true, limit: 2 });
  });

  it('R11: the remaining line follows the typed limit, before and after the save', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 5 });
    await member.client.charges.create(emailCharge('rec_1'));
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin' });
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('4 credits remaining')).toBeInTheDocument();
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    await user.clear(input);
    await user.type(input, '12.5');
    expect(within(dialog).getByText('11.5 credits remaining once saved')).toBeInTheDocument();
    expect(within(dialog).getByText('4 credits remaining')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'x');
    expect(within(dialog).queryByText(/once saved/)).not.toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '0.5');
    expect(within(dialog).getByText('0 credits remaining once saved')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    expect(within(dialog).getByText('No limit once saved')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    await user.clear(input);
    await user.type(input, '9{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    expect(within(dialog).getByText('8 credits remaining')).toBeInTheDocument();
    expect(within(dialog).queryByText(/once saved/)).not.toBeInTheDocument();
  });

  it('R11: once saved, Cancel becomes Done and takes the focus, and Done closes the dialog', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin' });
    const dialog = await openDialog(user);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Limit (credits)' }), '40{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toHaveFocus();
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    // Editing again makes the save pending a new decision: Cancel is back.
    await user.type(within(dialog).getByRole('textbox', { name: 'Limit (credits)' }), '0');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Limit (credits)' }), '{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ limit: 400 });
  });

  it('R11: saves a limit above what is spent without asking', async () => {
    const { admin, member } = await workspaceWithUsers();
    await member.client.charges.create(emailCharge('rec_1'));
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: admin.client, role: 'admin', locale: 'en-US' });
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Limit (credits)' }), '1.5{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Save anyway' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('0.5 credits remaining')).toBeInTheDocument();
  });

  it('R20: a save the server refuses (403) is shown at once, rolled back, and the alert says why', async () => {
    // The host says admin, but the session is a member's: the API has the last word.
    const { admin, member } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, {
      client: member.client,
      role: 'admin',
      locale: 'en-US',
    });
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('switch', { name: 'Limit credit spend' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Limit (credits)' }), '5');
    // Clicked without user-event's pauses, so the unconfirmed limit is seen before the refusal arrives.
    act(() => within(dialog).getByRole('button', { name: 'Save limit' }).click());
    expect(within(dialog).getByText('5 credits remaining')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Saving…' })).toBeInTheDocument();

    expect(await within(dialog).findByText('Only workspace admins can change spend limits.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Only workspace admins can change spend limits.');
    expect(within(dialog).getByText('No limit')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toBeEmptyDOMElement();
    expect(within(dialog).getByRole('textbox', { name: 'Limit (credits)' })).toHaveValue('5');
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ enabled: false });
  });

  it('says the session ended when the API refuses the token (401), and rolls the limit back', async () => {
    const { admin } = await workspaceWithUsers();
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 10 });
    // The limit was read while the session was valid; the session then ended.
    const store = createCreditStore(admin.client, { live: false });
    store.setData(
      creditQueryKeys.spendLimit({ workbookId: 'wb_1' }),
      await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' }),
    );
    const { client: ended } = refusedClient();
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: ended, store, role: 'admin', locale: 'en-US' });
    const dialog = await openDialog(user);
    const input = within(dialog).getByRole('textbox', { name: 'Limit (credits)' });
    await user.clear(input);
    await user.type(input, '20{Enter}');

    const alert = 'The limit was not saved: your session has ended. Sign in again.';
    expect(await within(dialog).findByText(alert)).toHaveAttribute('role', 'alert');
    expect(within(dialog).getByText('10 credits remaining')).toBeInTheDocument();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ limit: 10 });
  });

  it('says so, with a retry, when the limit cannot be loaded', async () => {
    const user = userEvent.setup();
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" />, { client: refusedClient().client, role: 'admin' });
    await user.click(screen.getByRole('button', { name: 'Workbook credit limit' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Credits could not be loaded.')).toHaveAttribute('role', 'alert');
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeEnabled();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('R11, R12: shows what is spent and remains live, as a refused charge reaches the limit', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 });
    renderWithCredits(<SpendLimitDialog workbookId="wb_1" defaultOpen />, { client: admin.client, role: 'admin' });
    const dialog = screen.getByRole('dialog', { name: 'Workbook credit limit' });
    expect(await within(dialog).findByText('2 credits remaining')).toBeInTheDocument();
    await waitFor(() => expect(admin.answered).toContain('/v1/events'));

    await member.client.charges.create(emailCharge('rec_1'));
    await member.client.charges.create(emailCharge('rec_2'));
    await expect(member.client.charges.create(emailCharge('rec_3'))).rejects.toMatchObject({
      code: 'workbook_limit_reached',
    });
    expect(await within(dialog).findByText('0 credits remaining')).toBeInTheDocument();
    expect(within(dialog).getByText('2 credits spent')).toBeInTheDocument();
  });

  it('follows a controlled open state, reports closing, and starts afresh on reopening', async () => {
    const { admin } = await workspaceWithUsers();
    const changes: boolean[] = [];
    const user = userEvent.setup();
    renderWithCredits(<ControllingHost changes={changes} />, { client: admin.client, role: 'admin' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'open from outside' }));
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    const toggle = await within(dialog).findByRole('switch', { name: 'Limit credit spend' });
    await user.click(toggle);
    expect(toggle).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(changes).toEqual([false]);
    await user.click(screen.getByRole('button', { name: 'Workbook credit limit' }));
    expect(await screen.findByRole('switch', { name: 'Limit credit spend' })).not.toBeChecked();
    expect(changes).toEqual([false, true]);
  });
});
