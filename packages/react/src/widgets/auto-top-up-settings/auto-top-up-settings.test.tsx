import { AutoTopUpSettings } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

const field = (name: string) => screen.getByRole('textbox', { name });
const threshold = () => field('When the balance falls below (credits)');
const amount = () => field('Add (credits)');
const cap = () => field('At most per month (credits)');

describe('AutoTopUpSettings against the reference server', () => {
  it('R27, R20: an admin switches it on; charges cross the threshold, the month line shows the top-up', async () => {
    const { workspace, admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<AutoTopUpSettings />, { client: admin.client, role: 'admin', locale: 'en-US' });
    expect(await screen.findByText('Auto top-up is off.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Top up automatically' }));
    await user.type(threshold(), '1,997.5');
    await user.type(amount(), '10');
    await user.type(cap(), '100{Enter}');
    expect(await screen.findByText('Auto top-up saved')).toBeInTheDocument();
    expect(screen.getByText('Adds 10 credits when the balance falls below 1,997.5 credits.')).toBeInTheDocument();
    expect(await admin.client.autoTopUp.retrieve()).toMatchObject({
      enabled: true,
      threshold: 1997.5,
      credits: 10,
      monthlyCap: 100,
    });

    for (let i = 0; i < 3; i += 1) await workspace.charge({ actionId: 'find-work-email' });
    expect(await screen.findByText('This month: 10 credits of 100 credits topped up.')).toBeInTheDocument();
    expect(screen.getByText('Armed')).toBeInTheDocument();
  });

  it('R27: says each problem next to its field, focuses the first on submit, and sends nothing until fixed', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<AutoTopUpSettings />, { client: admin.client, role: 'admin', locale: 'en-US' });
    await screen.findByText('Auto top-up is off.');

    await user.click(screen.getByRole('button', { name: 'Save auto top-up' }));
    expect(threshold()).toHaveFocus();
    expect(threshold()).toHaveAccessibleDescription('Enter an amount of credits.');
    await user.type(threshold(), '0');
    expect(threshold()).toHaveAccessibleDescription('Enter more than 0 credits.');
    await user.clear(threshold());
    await user.type(threshold(), '50');
    await user.type(amount(), '1.0001');
    expect(amount()).toHaveAccessibleDescription('Use at most 3 decimals.');
    await user.clear(amount());
    await user.type(amount(), '20');
    await user.type(cap(), '19.999{Enter}');
    expect(cap()).toHaveFocus();
    expect(cap()).toHaveAttribute('aria-invalid', 'true');
    expect(cap()).toHaveAccessibleDescription(
      'The monthly cap must be at least one top-up. Counted per calendar month (UTC).',
    );
    expect((await admin.client.autoTopUp.retrieve()).updatedAt).toBeNull();

    await user.clear(cap());
    await user.type(cap(), '20{Enter}');
    expect(await screen.findByText('Auto top-up saved')).toBeInTheDocument();
    expect(await admin.client.autoTopUp.retrieve()).toMatchObject({ enabled: false, threshold: 50, monthlyCap: 20 });
  });

  it('reads amounts in the locale (de-DE: 1.000,5 is 1000.5) with parseCredits', async () => {
    const { admin } = await workspaceWithUsers();
    const user = userEvent.setup();
    renderWithCredits(<AutoTopUpSettings />, { client: admin.client, role: 'admin', locale: 'de-DE' });
    await screen.findByText('Auto top-up is off.');
    await user.click(screen.getByRole('checkbox', { name: 'Top up automatically' }));
    await user.type(threshold(), '1.000,5');
    await user.type(amount(), '2.500');
    await user.type(cap(), '10.000{Enter}');
    await waitFor(async () =>
      expect(await admin.client.autoTopUp.retrieve()).toMatchObject({
        threshold: 1000.5,
        credits: 2500,
        monthlyCap: 10000,
      }),
    );
  });

  it('R20: a member reads the setting and its month, with no way to change it', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.autoTopUp.update({ enabled: true, threshold: 5000, credits: 250, monthlyCap: 1000 });
    renderWithCredits(<AutoTopUpSettings />, { client: member.client, role: 'member', locale: 'en-US' });
    // The balance (2,000) was already below 5,000: the save topped it up once, and it waits for the balance.
    expect(await screen.findByText('Adds 250 credits when the balance falls below 5,000 credits.')).toBeInTheDocument();
    expect(screen.getByText('Waiting for the balance to come back')).toBeInTheDocument();
    expect(screen.getByText('This month: 250 credits of 1,000 credits topped up.')).toBeInTheDocument();
    expect(screen.getByText('Only workspace admins can change auto top-up.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
