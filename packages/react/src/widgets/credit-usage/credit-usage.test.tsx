import { CreditUsage } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

const dayMs = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const weekAgo = new Date(Date.now() - 6 * dayMs).toISOString().slice(0, 10);

/**
 * A fresh workspace whose host server charges and refunds with the secret key, and the member session the
 * widget gets, whose requests are counted. North spends 12 credits; South's 1 credit is refunded.
 */
async function workspaceWithUsage() {
  const workspace = await createTestWorkspace();
  await workspace.charge({ actionId: 'find-mobile-phone', workbookId: 'wb_north' });
  await workspace.charge({ actionId: 'enrich-person', workbookId: 'wb_north' });
  await workspace.refund((await workspace.charge({ actionId: 'find-work-email', workbookId: 'wb_south' })).id);
  return workspace.connect('member');
}

const day = (date: string, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

afterEach(() => vi.restoreAllMocks());

describe('CreditUsage against the reference server', () => {
  it('R18, R15: charts net credits per day with a summary and a tooltip per bar, and tables them by workbook', async () => {
    const { client } = await workspaceWithUsage();
    renderWithCredits(<CreditUsage from={weekAgo} to={today} />, { client, locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'Credit usage' });
    expect(region).toHaveAttribute('data-state', 'loading');
    expect(within(region).getByRole('status')).toHaveTextContent('Loading credits…');

    const chart = await screen.findByRole('group', {
      name: `Net credits per day from ${day(weekAgo)} to ${day(today)}: 12 credits in total`,
    });
    expect(region).toHaveAttribute('data-state', 'ready');
    expect(region).toHaveClass('ck-root', 'ck-usage');
    // Every day is named with its figure, a day without usage too; one bar is drawn.
    const days = within(chart).getAllByRole('img');
    expect(days).toHaveLength(7);
    expect(days[6]).toHaveAccessibleName(`${day(today)}: 12 credits`);
    expect(days[0]).toHaveAccessibleName(`${day(weekAgo)}: 0 credits`);
    const bars = chart.querySelectorAll('.ck-usage-chart-bar');
    expect(bars).toHaveLength(1);
    // Seven days across: today's bar is the last of seven slots, at the top of an axis 0, 5, 10, 15.
    expect(chart).toHaveAttribute('viewBox', '0 0 70 100');
    expect(bars[0]).toHaveAttribute('x', '61');
    expect(Number(bars[0]?.getAttribute('height'))).toBeCloseTo(80);
    expect([...region.querySelectorAll('.ck-usage-chart-y span')].map((tick) => tick.textContent)).toEqual([
      '0',
      '5',
      '10',
      '15',
    ]);

    const table = await screen.findByRole('table', { name: 'By workbook' });
    expect(rowsOf(table)).toEqual([
      ['Workbook', 'Charges', 'Charged', 'Refunded', 'Net'],
      ['wb_north', '2', '12', '0', '12'],
      ['wb_south', '1', '1', '1', '0'],
      ['Total', '3', '13', '1', '12'],
    ]);
  });

  it('R18: switches the table by action, provider or model with the radio group, by keyboard too', async () => {
    const { client } = await workspaceWithUsage();
    const changes: string[] = [];
    renderWithCredits(<CreditUsage defaultGroupBy="action" onGroupByChange={(group) => changes.push(group)} />, {
      client,
      locale: 'en-US',
    });
    const group = await screen.findByRole('group', { name: 'Usage breakdown' });
    expect(within(group).getByRole('radio', { name: 'By action' })).toBeChecked();
    const byAction = await screen.findByRole('table', { name: 'By action' });
    await within(byAction).findByRole('rowheader', { name: 'Find mobile phone number' });
    expect(rowsOf(byAction)[1]).toEqual(['Find mobile phone number', '1', '10', '0', '10']);

    await userEvent.click(within(group).getByRole('radio', { name: 'By provider' }));
    const byProvider = await screen.findByRole('table', { name: 'By provider' });
    expect(rowsOf(byProvider).map((row) => row[0])).toEqual([
      'Provider',
      'phonebook',
      'peopledata',
      'mailfinder',
      'Total',
    ]);

    await userEvent.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: 'By model' })).toHaveFocus();
    expect(await screen.findByText('No credits were used in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(changes).toEqual(['provider', 'model']);
  });

  it('names rows as the API does (actions, models) or as the host does (rowLabel); the CSV keeps the ids', async () => {
    const workspace = await createTestWorkspace();
    const usage = { inputTokens: 1000, outputTokens: 1000 };
    await workspace.charge({ actionId: 'ai-write-gpt-mini', workbookId: 'wb_north', usage });
    const { client } = await workspace.connect('member');
    const rowLabel = (group: string, id: string) => (group === 'workbook' && id === 'wb_north' ? 'North' : undefined);
    renderWithCredits(<CreditUsage defaultGroupBy="model" rowLabel={rowLabel} />, { client, locale: 'en-US' });

    const byModel = await screen.findByRole('table', { name: 'By model' });
    expect(await within(byModel).findByRole('rowheader', { name: 'GPT mini' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'By action' }));
    const byAction = await screen.findByRole('table', { name: 'By action' });
    expect(await within(byAction).findByRole('rowheader', { name: 'Use AI (GPT mini)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'By workbook' }));
    const byWorkbook = await screen.findByRole('table', { name: 'By workbook' });
    expect(within(byWorkbook).getByRole('rowheader', { name: 'North' })).toBeInTheDocument();
    expect(await client.usage.export({ groupBy: 'workbook' })).toContain('wb_north');
  });

  it('keeps a controlled grouping until the host changes it', async () => {
    const { client } = await workspaceWithUsage();
    const changes: string[] = [];
    const view = renderWithCredits(
      <CreditUsage groupBy="provider" onGroupByChange={(group) => changes.push(group)} />,
      {
        client,
        locale: 'en-US',
      },
    );
    await screen.findByRole('table', { name: 'By provider' });
    await userEvent.click(screen.getByRole('radio', { name: 'By workbook' }));
    expect(changes).toEqual(['workbook']);
    expect(screen.getByRole('radio', { name: 'By provider' })).toBeChecked();
    expect(screen.getByRole('table', { name: 'By provider' })).toBeInTheDocument();

    view.rerender(<CreditUsage groupBy="workbook" />);
    expect(await screen.findByRole('table', { name: 'By workbook' })).toBeInTheDocument();
  });

  it('R18: downloads the table as the CSV the API exports, through a Blob and an <a download>', async () => {
    const { client } = await workspaceWithUsage();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:credit-usage';
    });
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderWithCredits(<CreditUsage from={weekAgo} to={today} defaultGroupBy="action" />, { client, locale: 'en-US' });

    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:credit-usage'));
    const exported = await client.usage.export({ groupBy: 'action', from: weekAgo, to: today });
    expect(blobs).toHaveLength(1);
    expect(await blobs[0]?.text()).toBe(exported);
    expect(exported).toContain('find-mobile-phone,run,1,10,0,10');
    expect(blobs[0]?.type).toBe('text/csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe(`credit-usage-action-${weekAgo}-${today}.csv`);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:credit-usage');
    expect(clicked[0]?.isConnected).toBe(false);
  });

  it('says when no credits were used in the period, with nothing to chart, table or download', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(<CreditUsage />, { client, locale: 'en-US' });
    expect(await screen.findByText('No credits were used in this period.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Credit usage' })).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
  });

  it('says usage could not be loaded, and asks again from the Try again button', async () => {
    const { client, sentTo } = await (await createTestWorkspace()).connect('member');
    // The API refuses a period that ends before it starts.
    renderWithCredits(<CreditUsage from={today} to={weekAgo} />, { client, locale: 'en-US' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
    expect(screen.getByRole('region', { name: 'Credit usage' })).toHaveAttribute('data-state', 'error');
    const asked = sentTo('/v1/usage');

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // Both reports, the chart's and the table's, are asked for again.
    await waitFor(() => expect(sentTo('/v1/usage')).toBe(asked + 2));
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
  });

  it('writes amounts, counts and dates for the locale', async () => {
    const workspace = await createTestWorkspace();
    for (let index = 0; index < 3; index += 1) await workspace.charge({ actionId: 'verify-email' });
    const { client } = await workspace.connect('member');
    renderWithCredits(<CreditUsage from={weekAgo} to={today} />, { client, locale: 'de-DE' });
    await screen.findByRole('group', {
      name: `Net credits per day from ${day(weekAgo, 'de-DE')} to ${day(today, 'de-DE')}: 1,5 credits in total`,
    });
    expect(rowsOf(await screen.findByRole('table'))[1]).toEqual(['wb_1', '3', '1,5', '0', '1,5']);
  });
});
