import '../../styles/styles.css';
import { AutoTopUpSettings } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

// Real Chromium, keyboard only, the real server; the kit's stylesheet is loaded, so axe checks its colours.

describe('AutoTopUpSettings in Chromium', () => {
  it('R27: an admin sets it with the keyboard alone, a problem inline on the way; axe finds nothing in any state', async () => {
    const { workspace, admin } = await workspaceWithUsers();
    const { container } = renderWithCredits(<AutoTopUpSettings />, {
      client: admin.client,
      role: 'admin',
      locale: 'en-US',
    });
    expect(await screen.findByText('Auto top-up is off.')).toBeVisible();
    await expectNoAxeViolations(container);

    await userEvent.tab();
    expect(screen.getByRole('checkbox', { name: 'Top up automatically' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    expect(screen.getByRole('textbox', { name: 'When the balance falls below (credits)' })).toHaveFocus();
    await userEvent.keyboard('1999.5');
    await userEvent.tab();
    await userEvent.keyboard('5');
    await userEvent.tab();
    const cap = screen.getByRole('textbox', { name: 'At most per month (credits)' });
    expect(cap).toHaveFocus();
    await userEvent.keyboard('4{Enter}');
    expect(cap).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(container);

    await userEvent.keyboard('{Backspace}50{Enter}');
    expect(await screen.findByText('Auto top-up saved')).toBeVisible();
    expect(screen.getByText('Adds 5 credits when the balance falls below 1,999.5 credits.')).toBeVisible();

    // A charge crosses: topped up once, and the month line says so.
    await workspace.charge({ actionId: 'find-work-email' });
    await waitFor(() => expect(screen.getByText('This month: 5 credits of 50 credits topped up.')).toBeVisible());
    await expectNoAxeViolations(container);
  });

  it('R20: a member sees it read-only, waiting for the balance, with no control to reach; axe finds nothing', async () => {
    const { admin, member } = await workspaceWithUsers();
    await admin.client.autoTopUp.update({ enabled: true, threshold: 5000, credits: 10, monthlyCap: 10 });
    const { container } = renderWithCredits(<AutoTopUpSettings theme="dark" />, {
      client: member.client,
      role: 'member',
      locale: 'en-US',
    });
    expect(await screen.findByText('Waiting for the balance to come back')).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    await expectNoAxeViolations(container);
  });
});
