import { createCreditStore, creditQueryKeys, LimitReachedNotice } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emailCharge, reachEnrichmentLimit, reachWorkbookLimit, refusalOf } from '../../../test/support/charges';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

const notice = () => screen.getByRole('alert');

describe('LimitReachedNotice against the reference server', () => {
  it('R11, R20: names the workbook limit a refused charge hit, with its numbers, and lets an admin raise it', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    const user = userEvent.setup();
    const view = renderWithCredits(<LimitReachedNotice error={error} />, { client: admin.client, role: 'admin' });
    expect(notice()).toHaveTextContent('This workbook has reached its credit limit.Limit 2 · spent 2 · 0 left');
    const root = view.container.querySelector('.ck-root');
    expect(root).toHaveAttribute('data-state', 'reached');
    expect(root).toHaveAttribute('data-scope', 'workbook');
    expect(screen.queryByText(/Ask a workspace admin/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Raise the limit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Limit (credits)' });
    expect(input).toHaveValue('2');
    await user.clear(input);
    await user.type(input, '10{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    expect(await admin.client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ limit: 10, remaining: 8 });
    await member.client.charges.create(emailCharge('rec_3'));
  });

  it('R11, R20: tells a member to ask an admin, and offers no way to raise the limit', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    renderWithCredits(<LimitReachedNotice error={error} />, { client: member.client, role: 'member', locale: 'de-DE' });
    expect(notice()).toHaveTextContent(
      'This workbook has reached its credit limit.Limit 2 · spent 2 · 0 leftAsk a workspace admin to raise the limit.',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('R14: names the workspace balance, and offers admins a way to buy credits', async () => {
    const { admin, member } = await workspaceWithUsers('free');
    // A run reserves its whole budget (R9): the 100 free credits are then spoken for.
    await member.client.ai.runs.create({ runId: 'run_all', workbookId: 'wb_1', budget: 100 });
    const error = await refusalOf(member.client.charges.create(emailCharge('rec_1')));
    let purchases = 0;
    const memberView = renderWithCredits(<LimitReachedNotice error={error} />, {
      client: member.client,
      role: 'member',
    });
    expect(notice()).toHaveTextContent(
      'Your workspace is out of credits.0 credits availableAsk a workspace admin to buy credits.',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    memberView.unmount();

    const user = userEvent.setup();
    renderWithCredits(<LimitReachedNotice error={error} onBuyCredits={() => (purchases += 1)} />, {
      client: admin.client,
      role: 'admin',
    });
    expect(notice()).toHaveTextContent('Your workspace is out of credits.0 credits available');
    await user.click(screen.getByRole('button', { name: 'Buy credits' }));
    expect(purchases).toBe(1);
  });

  it('R9: names a run budget, and offers nothing to raise, since a run’s budget is set when it starts', async () => {
    const { admin, member } = await workspaceWithUsers();
    await member.client.ai.runs.create({ runId: 'run_1', workbookId: 'wb_1', budget: 0.001 });
    const error = await refusalOf(
      member.client.charges.create({
        actionId: 'ai-write-gpt-mini',
        workbookId: 'wb_1',
        recordId: 'rec_1',
        field: 'summary',
        runId: 'run_1',
      }),
    );
    renderWithCredits(<LimitReachedNotice error={error} />, { client: admin.client, role: 'admin' });
    expect(notice()).toHaveTextContent('This run has spent its whole budget.Limit 0.001 · spent 0 · 0.001 left');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows nothing for an error that is not a refused charge', async () => {
    const { member } = await workspaceWithUsers();
    const error = await refusalOf(
      member.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 1 }),
    );
    const view = renderWithCredits(<LimitReachedNotice error={error} />, { client: member.client, role: 'member' });
    expect(notice()).toBeEmptyDOMElement();
    expect(view.container.querySelector('.ck-root')).toHaveAttribute('data-state', 'idle');
  });

  it('R12: without an error, shows the latest limit.reached event, until the limit is raised', async () => {
    const { admin, member } = await workspaceWithUsers();
    renderWithCredits(<LimitReachedNotice />, { client: member.client, role: 'member' });
    await waitFor(() => expect(member.answered).toContain('/v1/events'));
    expect(notice()).toBeEmptyDOMElement();

    await reachEnrichmentLimit(admin.client, member.client);
    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'This enrichment has reached its credit limit.Limit 1 · spent 1 · 0 leftAsk a workspace admin to raise the limit.',
      ),
    );

    await admin.client.spendLimits.update({ enrichmentId: 'en_1' }, { enabled: true, limit: 5 });
    await waitFor(() => expect(notice()).toBeEmptyDOMElement());
  });

  it('R12, R20: an admin raising the limit from the notice keeps notice and dialog until the dialog closes', async () => {
    const { admin, member } = await workspaceWithUsers();
    const store = createCreditStore(admin.client);
    const user = userEvent.setup();
    const view = renderWithCredits(<LimitReachedNotice />, { client: admin.client, store, role: 'admin' });
    // While the modal dialog is open the page around it is hidden from assistive technology, notice included.
    const alertInPage = () => view.container.querySelector('[role="alert"]');
    await waitFor(() => expect(admin.answered).toContain('/v1/events'));
    await reachWorkbookLimit(admin.client, member.client);
    const raise = await screen.findByRole('button', { name: 'Raise the limit' });

    await user.click(raise);
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Limit (credits)' });
    await user.clear(input);
    await user.type(input, '3{Enter}');
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    // The raise clears the limit: once its limit.cleared event is in, the dialog is still there.
    await waitFor(() => expect(store.getSnapshot(creditQueryKeys.limitReached).data).toBeNull());
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(alertInPage()).toHaveTextContent('This workbook has reached its credit limit.');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(notice()).toBeEmptyDOMElement());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
