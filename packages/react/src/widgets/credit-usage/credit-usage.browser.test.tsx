import '../../styles/styles.css';
import { CreditUsage, type CreditUsageProps } from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { refusedClient, waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { retryFromKeyboard } from '../../../test/support/retry';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server: real focus, real key presses, the real stylesheet.

/** A workspace whose host server (holding the secret key) charged `actionIds`; the page gets a session token. */
async function workspaceWithCharges(actionIds: string[]): Promise<CreditClient> {
  const workspace = await createTestWorkspace('starter-monthly');
  for (const [index, actionId] of actionIds.entries()) {
    await workspace.charge({ actionId, workbookId: `wb_${index % 2}`, recordId: `rec_${index}`, field: 'f' });
  }
  return (await workspace.connect('member')).client;
}

function renderUsage(client: CreditClient, locale: string, props: CreditUsageProps = {}) {
  return renderWithCredits(<CreditUsage {...props} />, { client, locale }).container;
}

const charges = ['find-mobile-phone', 'verify-email', 'enrich-person', 'ai-write-gpt-mini'];

afterEach(() => vi.restoreAllMocks());

describe('CreditUsage in Chromium', () => {
  it('R18: the chart is one stop; arrows, Home and End move from day to day, each read and shown with its figure', async () => {
    const client = await workspaceWithCharges(charges);
    const today = new Date().toISOString().slice(0, 10);
    const day = (date: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));
    const container = renderUsage(client, 'en-US', { defaultPeriod: 'last7' });
    const chart = await screen.findByRole('group', { name: /^Net credits per day from/ });
    expect(chart).toHaveAccessibleDescription('Arrow keys move from day to day.');
    const tooltip = () => container.querySelector('.ck-usage-chart-tooltip');

    await userEvent.tab();
    await userEvent.tab();
    // It starts on the latest day with usage: today, the four charges.
    const { net } = (await client.usage.retrieve({ groupBy: 'day', from: today, to: today })).totals;
    const todaysName = `${day(today)}: ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(net)} credits`;
    const todays = within(chart).getByRole('img', { name: todaysName });
    expect(todays).toHaveFocus();
    expect(tooltip()).toHaveTextContent(todaysName);
    await expectNoAxeViolations(container);

    await userEvent.keyboard('{ArrowLeft}');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(within(chart).getByRole('img', { name: `${day(yesterday)}: 0 credits` })).toHaveFocus();
    expect(tooltip()).toHaveTextContent(`${day(yesterday)}: 0 credits`);
    await userEvent.keyboard('{Home}');
    expect(within(chart).getAllByRole('img')[0]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(todays).toHaveFocus();
    // Only one day is a tab stop: Tab leaves the chart.
    await userEvent.tab();
    expect(screen.getByRole('radio', { name: 'By workbook' })).toHaveFocus();
    expect(tooltip()).toBeNull();
  });

  it('R18: the period control asks for the last 7 days, and the chart follows', async () => {
    const client = await workspaceWithCharges(charges);
    renderUsage(client, 'en-US');
    const period = await screen.findByRole('combobox', { name: 'Period' });
    expect(period).toHaveValue('last30');
    const chart = await screen.findByRole('group', { name: /^Net credits per day/ });
    expect(within(chart).getAllByRole('img')).toHaveLength(30);
    await userEvent.selectOptions(period, 'last7');
    await waitFor(() =>
      expect(within(screen.getByRole('group', { name: /^Net credits per day/ })).getAllByRole('img')).toHaveLength(7),
    );
  });

  it('R18: switches the grouping with arrow keys, shows focus, and downloads the CSV from the keyboard', async () => {
    const client = await workspaceWithCharges(charges);
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return createObjectURL(blob);
    });
    renderUsage(client, 'en-US');
    const byWorkbook = await screen.findByRole('radio', { name: 'By workbook' });

    // The period, then the chart (one stop), then the grouping.
    await userEvent.tab();
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveFocus();
    await userEvent.tab();
    expect(document.activeElement).toHaveClass('ck-usage-chart-day');
    await userEvent.tab();
    expect(byWorkbook).toHaveFocus();
    expect(getComputedStyle(byWorkbook.closest('label') as HTMLElement).outlineStyle).toBe('solid');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'By action' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'By action' })).toBeChecked();
    expect(await screen.findByRole('table', { name: 'By action' })).toBeVisible();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    const byModel = await screen.findByRole('table', { name: 'By model' });
    expect(await within(byModel).findByRole('rowheader', { name: 'GPT mini' })).toBeVisible();

    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0]?.text()).toBe(await client.usage.export({ groupBy: 'model' }));
  });

  it('has no axe violations while loading', async () => {
    const container = renderUsage(waitingClient(), 'en-US');
    expect(screen.getByRole('status')).toHaveTextContent('Loading credits…');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations with a chart and a table', async () => {
    const container = renderUsage(await workspaceWithCharges(charges), 'en-US');
    await screen.findByRole('table');
    expect(screen.getByRole('group', { name: /credits in total/ })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when nothing was used', async () => {
    const container = renderUsage(await workspaceWithCharges([]), 'en-US');
    await screen.findByText('No credits were used in this period.');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations when usage could not be loaded, and retries from the keyboard', async () => {
    const refused = refusedClient();
    // The host's period: no period control before the Try again button.
    const container = renderUsage(refused.client, 'en-US', { from: '2026-11-01', to: '2026-11-30' });
    await screen.findByRole('alert');
    await expectNoAxeViolations(container);
    await retryFromKeyboard(refused, '/v1/usage');
  });

  it('R10: has no axe violations when own-key charges count at 0 credits', async () => {
    const workspace = await createTestWorkspace('free');
    const admin = await workspace.connect('admin');
    await admin.client.integrations.setKey('phonebook', { apiKey: 'own-phonebook-key-01' });
    const charged = await workspace.charge({
      actionId: 'find-mobile-phone',
      workbookId: 'wb',
      recordId: 'r',
      field: 'f',
    });
    expect(charged).toMatchObject({ status: 'own_key', credits: 0 });
    const container = renderUsage((await workspace.connect('member')).client, 'en-US');
    const table = await screen.findByRole('table', { name: 'By workbook' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('wb1000');
    await expectNoAxeViolations(container);
  });

  it.each(['de-DE', 'ja-JP'])('has no axe violations in %s', async (locale) => {
    const container = renderUsage(await workspaceWithCharges(charges), locale, { defaultGroupBy: 'provider' });
    await screen.findByRole('table');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations in the dark theme', async () => {
    const container = renderUsage(await workspaceWithCharges(charges), 'en-US', { theme: 'dark' });
    await screen.findByRole('table');
    expect(container.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(container);
  });
});
