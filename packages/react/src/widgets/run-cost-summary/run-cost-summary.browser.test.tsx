import '../../styles/styles.css';
import { RunCostSummary } from '@creditkit/react';
import type { CreditClient, Quote, QuoteCreateParams } from '@creditkit/sdk';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient } from '../../../test/support/clients';
import { watchInjectedStyles } from '../../../test/support/injected-styles';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { workspaceWithUsers } from '../../../test/support/test-workspace';

// Real Chromium, real keyboard events, the real server and the kit's stylesheet, so axe checks its colours.

const recordIds = ['rec_1', 'rec_2', 'rec_3', 'rec_4', 'rec_5', 'rec_6'];

/** A host's table in small: a checkbox per record, and the summary beside the Run of mobile numbers (10 credits). */
function Host({
  runs,
  confirmAbove,
  theme,
}: {
  runs: (Quote | undefined)[];
  confirmAbove?: number;
  theme?: 'dark' | undefined;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const params: QuoteCreateParams | null =
    selected.length === 0
      ? null
      : { actionId: 'find-mobile-phone', workbookId: 'wb_1', field: 'mobile_phone', recordIds: selected };
  return (
    <>
      {recordIds.map((recordId) => (
        <label key={recordId}>
          <input
            type="checkbox"
            checked={selected.includes(recordId)}
            onChange={() =>
              setSelected((current) => recordIds.filter((id) => (id === recordId) !== current.includes(id)))
            }
          />
          {recordId}
        </label>
      ))}
      <RunCostSummary
        params={params}
        onRun={(quote) => runs.push(quote)}
        confirmAbove={confirmAbove}
        runLabel={`Run Mobile phone on ${selected.length} selected rows`}
        theme={theme}
      />
    </>
  );
}

const root = () => document.querySelector<HTMLElement>('.ck-run-cost');

/** Selects every row from the keyboard: Tab to each checkbox, Space. */
async function selectAllWithKeyboard() {
  for (const _ of recordIds) {
    await userEvent.tab();
    await userEvent.keyboard(' ');
  }
}

function renderHost(client: CreditClient, props: { confirmAbove?: number; theme?: 'dark' } = {}) {
  const runs: (Quote | undefined)[] = [];
  renderWithCredits(<Host runs={runs} {...props} />, { client, locale: 'en-US' });
  return runs;
}

describe('RunCostSummary in Chromium', () => {
  it('R23: reach Run with the keyboard, confirm above the threshold; Escape and Cancel run nothing', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const runs = renderHost(member.client, { confirmAbove: 30 });
    await selectAllWithKeyboard();
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'quoted'));
    expect(root()).toHaveTextContent('Run on 6 rows · up to 60 credits');

    await userEvent.tab();
    const run = screen.getByRole('button', { name: 'Run Mobile phone on 6 selected rows' });
    expect(run).toHaveFocus();
    expect(getComputedStyle(run).outlineStyle).toBe('solid');

    // Escape closes the confirmation and gives the focus back to Run.
    await userEvent.keyboard('{Enter}');
    let dialog = await screen.findByRole('dialog', { name: 'Run on 6 rows?' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(run).toHaveFocus();

    // Enter on Cancel, where the focus lands, closes it too.
    await userEvent.keyboard(' ');
    dialog = await screen.findByRole('dialog', { name: 'Run on 6 rows?' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(run).toHaveFocus();
    expect(runs).toEqual([]);

    // Tab to the dialog's Run, Enter: the host's run starts with the quote shown; focus is back on Run.
    await userEvent.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Run on 6 rows?' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Run' })).toHaveFocus();
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(runs).toEqual([expect.objectContaining({ rows: 6, credits: 60 })]);
    expect(run).toHaveFocus();
  });

  it('announces politely once the selection settles, not for each row picked', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    renderHost(member.client);
    const status = within(root() as HTMLElement).getByRole('status');
    // role="status" is polite by definition: it waits for the reader to pause.
    expect(status).not.toHaveAttribute('aria-live', 'assertive');
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(status.textContent ?? ''));
    observer.observe(status, { childList: true, subtree: true, characterData: true });

    await selectAllWithKeyboard();
    await waitFor(() => expect(status).toHaveTextContent('Run on 6 rows · up to 60 credits'));
    observer.disconnect();
    // Only quotes are said, never "checking the cost…" on the way; rows picked in quick succession are quoted
    // (and said) as one selection, which the jsdom test shows exactly. How many a reader's pace leaves apart
    // depends on the machine's speed, so it is not counted here.
    const said = heard.filter((text) => text !== '');
    expect(said.length).toBeLessThanOrEqual(recordIds.length);
    for (const text of said) expect(text).toMatch(/^Run on \d rows? · up to \d+ credits$/);
    expect(said.at(-1)).toBe('Run on 6 rows · up to 60 credits');
  });

  it('has no axe violations: quoted, stopping early with its limit shown, failed, and confirming, light and dark', async () => {
    const { admin } = await workspaceWithUsers('starter-monthly');
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 25 });
    for (const theme of [undefined, 'dark'] as const) {
      const view = renderWithCredits(<Host runs={[]} confirmAbove={10} theme={theme} />, {
        client: admin.client,
        locale: 'en-US',
      });
      await expectNoAxeViolations(view.container);
      await selectAllWithKeyboard();
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'stops-early'));
      expect(root()).toHaveTextContent('stops after 2 rows: workbook limit');
      const details = screen.getByText('Limit details');
      await userEvent.click(details);
      expect(details.closest('details')).toHaveAttribute('open');
      await expectNoAxeViolations(view.container);

      await userEvent.click(screen.getByRole('button', { name: /^Run Mobile phone/ }));
      const dialog = await screen.findByRole('dialog');
      if (theme) expect(dialog.closest('.ck-root')).toHaveAttribute('data-theme', theme);
      else expect(dialog.closest('.ck-root')).not.toHaveAttribute('data-theme');
      // The whole document: the dialog is portalled to the end of <body>, and hides the page behind it.
      await expectNoAxeViolations();
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      view.unmount();
    }

    const failed = renderWithCredits(<Host runs={[]} />, { client: refusedClient().client, locale: 'en-US' });
    await selectAllWithKeyboard();
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    await expectNoAxeViolations(failed.container);
  });

  it('works under a strict CSP: confirming injects no <style>, and the page behind does not scroll', async () => {
    const { member } = await workspaceWithUsers('starter-monthly');
    const styles = watchInjectedStyles();
    renderHost(member.client, { confirmAbove: 0 });
    await selectAllWithKeyboard();
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'quoted'));
    await userEvent.click(screen.getByRole('button', { name: /^Run Mobile phone/ }));
    await screen.findByRole('dialog');
    expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
    expect(styles.stop()).toEqual([]);
  });
});
