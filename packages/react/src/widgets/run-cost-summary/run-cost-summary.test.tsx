import { RunCostSummary, type RunCostSummaryProps } from '@creditkit/react';
import type { CreditClient, Quote, QuoteCreateParams } from '@creditkit/sdk';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

/** `actionId` over records `rec_1`… in workbook `wb_1`, on the field the charges name. */
const selection = (actionId: string, count: number, field = 'value'): QuoteCreateParams => ({
  actionId,
  workbookId: 'wb_1',
  field,
  recordIds: Array.from({ length: count }, (_, index) => `rec_${index + 1}`),
});

/** Each call of the host's Run, with the quote it was given. */
type Runs = (Quote | undefined)[];

function renderSummary(client: CreditClient, props: Partial<RunCostSummaryProps> & { runs?: Runs } = {}) {
  const { runs = [], ...rest } = props;
  const view = renderWithCredits(<RunCostSummary params={null} onRun={(quote) => runs.push(quote)} {...rest} />, {
    client,
    locale: 'en-US',
  });
  const root = () => view.container.querySelector<HTMLElement>('.ck-run-cost');
  const summary = () => root()?.querySelector('.ck-run-cost__summary')?.textContent;
  return { view, root, summary, runs, announced: () => within(root() as HTMLElement).getByRole('status') };
}

/** Charges `params`' records one by one, as a host's run does, until a charge is refused: what it charged. */
async function runAsHost(client: CreditClient, params: QuoteCreateParams) {
  let credits = 0;
  let passed = 0;
  for (const recordId of params.recordIds ?? []) {
    const { actionId, workbookId, field } = params;
    const charged = await client.charges.create({ actionId, workbookId, field, recordId }).catch(() => null);
    if (!charged) break;
    credits += charged.credits;
    passed += 1;
  }
  return { credits, passed };
}

describe('RunCostSummary against the reference server', () => {
  it('R11, R13, R23: says what the run would charge, what is already paid and where the limit stops it; the run then charges that', async () => {
    const { admin, member } = await workspaceWithUsers('starter-monthly');
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 14 });
    const params = selection('find-work-email', 24, 'work_email');
    await runAsHost(member.client, { ...params, recordIds: params.recordIds?.slice(0, 4) });

    const { root, summary, runs } = renderSummary(member.client, { params });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'stops-early'));
    expect(summary()).toBe('Run on 24 rows · up to 10 credits · 4 already paid · stops after 14 rows: workbook limit');
    expect(screen.getByText('Balance after: 1,986 credits')).toBeInTheDocument();
    expect(screen.getByText('Limit details').closest('details')).toHaveTextContent('Limit 14 · spent 14 · 0 left');
    const run = screen.getByRole('button', { name: 'Run' });
    expect(run).toHaveAccessibleDescription(summary() ?? '');

    await userEvent.click(run);
    expect(runs).toHaveLength(1);
    const quoted = runs[0];
    // Nothing happened in between, so the run charges what the quote said, and stops where it said (R23).
    expect(await runAsHost(member.client, params)).toEqual({
      credits: quoted?.credits,
      passed: quoted?.stop?.afterRows,
    });
  });

  it('R10: rows the workspace’s own key pays are free', async () => {
    const { admin } = await workspaceWithUsers('starter-monthly');
    await admin.client.integrations.setKey('phonebook', { apiKey: 'own-phonebook-key-02' });
    const { root, summary } = renderSummary(admin.client, { params: selection('find-mobile-phone', 3) });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'own-key'));
    expect(summary()).toBe('Run on 3 rows · no credits · 3 free with your own key');
    expect(screen.getByText('Balance after: 2,000 credits')).toBeInTheDocument();
  });

  it('R13: a run whose every row is already paid charges nothing', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const params = selection('find-work-email', 2, 'work_email');
    await runAsHost(member.client, params);
    const { root, summary } = renderSummary(member.client, { params });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'already-paid'));
    expect(summary()).toBe('Run on 2 rows · all already paid');
  });

  it('says to select rows, and disables Run, while nothing is selected; asks nothing', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const { root, summary } = renderSummary(member.client, { params: null });
    expect(root()).toHaveAttribute('data-state', 'idle');
    expect(summary()).toBe('Select rows to see what a run costs.');
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();
    expect(member.sentTo('/v1/quotes')).toBe(0);
  });

  it('confirms a run above `confirmAbove` in a dialog: Cancel runs nothing, Run runs with the quote shown', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const { root, runs } = renderSummary(member.client, {
      params: selection('find-mobile-phone', 24),
      confirmAbove: 100,
      runLabel: 'Run Mobile phone on 24 selected rows',
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'quoted'));
    const run = screen.getByRole('button', { name: 'Run Mobile phone on 24 selected rows' });
    expect(run).toHaveAttribute('aria-haspopup', 'dialog');

    await userEvent.click(run);
    let dialog = await screen.findByRole('dialog', { name: 'Run on 24 rows?' });
    expect(dialog).toHaveAccessibleDescription('This run charges up to 240 credits.');
    expect(dialog).toHaveTextContent('Balance after: 1,760 credits');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(runs).toEqual([]);

    await userEvent.click(run);
    dialog = await screen.findByRole('dialog', { name: 'Run on 24 rows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ rows: 24, credits: 240 });
  });

  it('runs at once when the quote is at or below `confirmAbove`', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const { root, runs } = renderSummary(member.client, {
      params: selection('find-mobile-phone', 10),
      confirmAbove: 100,
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'quoted'));
    const run = screen.getByRole('button', { name: 'Run' });
    expect(run).not.toHaveAttribute('aria-haspopup');
    await userEvent.click(run);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(runs).toEqual([expect.objectContaining({ credits: 100 })]);
  });

  it('says when the cost could not be checked, keeps Run available, and confirms it when `confirmAbove` is set', async () => {
    const session = refusedClient();
    const { root, runs, announced } = renderSummary(session.client, {
      params: selection('find-work-email', 5),
      confirmAbove: 100,
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    expect(root()).toHaveTextContent('The cost could not be checked. Every limit still applies when the run charges.');
    expect(announced()).toHaveTextContent('Run on 5 rows · The cost could not be checked.');
    const run = screen.getByRole('button', { name: 'Run' });
    expect(run).toBeEnabled();
    expect(run).toHaveAccessibleDescription(/The cost could not be checked/);

    await userEvent.click(run);
    const dialog = await screen.findByRole('dialog', { name: 'Run on 5 rows?' });
    expect(dialog).toHaveAccessibleDescription(/The cost of this run is not known yet/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run' }));
    expect(runs).toEqual([undefined]);

    const asked = session.sentTo('/v1/quotes');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // Asked again (a 401 is asked once more with the token fetched anew, so one retry may be two requests).
    await waitFor(() => expect(session.sentTo('/v1/quotes')).toBeGreaterThan(asked));
  });

  it('announces a selection’s summary once its quote arrives, not the selections picked on the way nor a refresh', async () => {
    const { workspace, member } = await workspaceWithUsers('starter-monthly');
    const { view, announced, summary } = renderSummary(member.client, {
      params: selection('find-work-email', 1, 'work_email'),
    });
    expect(announced()).toHaveTextContent('');
    await waitFor(() => expect(announced()).toHaveTextContent('Run on 1 row · up to 1 credit'));

    const rerender = (count: number) =>
      view.rerender(<RunCostSummary params={selection('find-work-email', count, 'work_email')} onRun={() => {}} />);
    for (let count = 2; count <= 6; count += 1) rerender(count);
    expect(summary()).toBe('Run on 6 rows · checking the cost…');
    expect(announced()).toHaveTextContent('Run on 1 row · up to 1 credit');
    await waitFor(() => expect(announced()).toHaveTextContent('Run on 6 rows · up to 6 credits'));

    // A teammate pays one of the rows: the summary follows, quietly, as the selection and its state are the same.
    await workspace.charge({ actionId: 'find-work-email', recordId: 'rec_3', field: 'work_email' });
    await waitFor(() => expect(summary()).toBe('Run on 6 rows · up to 5 credits · 1 already paid'));
    expect(announced()).toHaveTextContent('Run on 6 rows · up to 6 credits');
  });
});
