import { createCreditStore, creditQueryKeys, LimitReachedNotice } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  emailCharge,
  exhaustRunBudget,
  reachEnrichmentLimit,
  reachWorkbookLimit,
  refusalOf,
} from '../../../test/support/charges';
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

  it('R11: a refusal handed in as `error` follows its limit: cleared once raised from its own dialog', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    const user = userEvent.setup();
    const view = renderWithCredits(<LimitReachedNotice error={error} />, { client: admin.client, role: 'admin' });
    const root = view.container.querySelector('.ck-root');
    expect(notice()).toHaveTextContent('Limit 2 · spent 2 · 0 left');

    await user.click(screen.getByRole('button', { name: 'Raise the limit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Workbook credit limit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Limit (credits)' });
    await user.clear(input);
    await user.type(input, '1.5{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    expect(await within(dialog).findByText('Limit saved')).toBeInTheDocument();
    // Lowered, still blocking: the notice says the new numbers, not the refusal's.
    expect(view.container.querySelector('[role="alert"]')).toHaveTextContent('Limit 1.5 · spent 2 · 0 left');

    await user.clear(input);
    await user.type(input, '10{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Raised with room left: nothing blocks any more, though the host still holds the old error.
    expect(notice()).toBeEmptyDOMElement();
    expect(root).toHaveAttribute('data-state', 'idle');
  });

  it('R11: a refusal handed in as `error` clears on the limit.cleared event of a raise made elsewhere', async () => {
    const { admin, member } = await workspaceWithUsers();
    const error = await reachWorkbookLimit(admin.client, member.client);
    renderWithCredits(<LimitReachedNotice error={error} />, { client: member.client, role: 'member' });
    expect(notice()).toHaveTextContent('Limit 2 · spent 2 · 0 left');
    await waitFor(() => expect(member.answered).toContain('/v1/events'));

    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 25 });
    await waitFor(() => expect(notice()).toBeEmptyDOMElement());
  });

  it('R9: says a run used its budget, not a limit, and offers to continue with a bigger one when the host can', async () => {
    const { member } = await workspaceWithUsers();
    const error = await exhaustRunBudget(member.client, 'run_2');
    let continued = 0;
    const user = userEvent.setup();
    const view = renderWithCredits(<LimitReachedNotice error={error} onContinueRun={() => (continued += 1)} />, {
      client: member.client,
      role: 'member',
    });
    expect(notice()).toHaveTextContent(
      'This run used its 0.3-credit budget.0.28 credits spent · 0.02 credits left, not enough for the next row.',
    );
    expect(notice()).not.toHaveTextContent(/limit/i);
    expect(view.container.querySelector('.ck-root')).toHaveAttribute('data-scope', 'run');
    await user.click(screen.getByRole('button', { name: 'Continue with a bigger budget' }));
    expect(continued).toBe(1);
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
    expect(notice()).toHaveTextContent(
      'This run used its 0.001-credit budget.0 credits spent · 0.001 credits left, not enough for the next row.',
    );
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
