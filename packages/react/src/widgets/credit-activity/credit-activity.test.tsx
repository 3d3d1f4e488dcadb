import { CreditActivity } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { activityLines, hostNames, workspaceWithActivity } from '../../../test/support/activity';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

const today = new Date().toISOString().slice(0, 10);
const fullDay = (day: string, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(day));

const linesOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.ck-activity-line')].map((line) => line.textContent);

describe('CreditActivity against the reference server', () => {
  it('R24: says why credits went, by day and workbook, in words: re-runs, refunds, AI, a stopped run, Auto-Update', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const view = renderWithCredits(<CreditActivity {...hostNames} />, { client, locale: 'en-US' });
    const region = screen.getByRole('region', { name: 'Why credits were charged' });
    expect(region).toHaveAttribute('data-state', 'loading');
    expect(within(region).getByRole('status')).toHaveTextContent('Loading credits…');

    expect(await screen.findByRole('heading', { level: 3, name: fullDay(today) })).toBeInTheDocument();
    expect(region).toHaveAttribute('data-state', 'ready');
    // Action names come from the catalogue, batched with any cost badge on the page.
    await waitFor(() => expect(linesOf(view.container)).toEqual([...activityLines.north, ...activityLines.south]));
    expect(screen.getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      'North workbook',
      'South workbook',
    ]);
    // The first load is not announced: the status only ever speaks of a filter the reader changed.
    expect(within(region).getByRole('status')).toBeEmptyDOMElement();
  });

  it('filters by trigger, workbook and period, announcing each new selection once it has loaded', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const view = renderWithCredits(<CreditActivity {...hostNames} />, { client, locale: 'en-US' });
    await waitFor(() => expect(linesOf(view.container)).toHaveLength(5));
    const status = screen.getByRole('status');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'Re-runs');
    await waitFor(() => expect(status).toHaveTextContent('1 line for Last 30 days, All workbooks, Re-runs'));
    expect(linesOf(view.container)).toEqual([activityLines.north[0]]);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'All triggers');
    const workbook = screen.getByRole('combobox', { name: 'Workbook' });
    // The workbooks offered are those charged in the period, by the host's names.
    await within(workbook).findByRole('option', { name: 'South workbook' });
    await userEvent.selectOptions(workbook, 'South workbook');
    await waitFor(() => expect(status).toHaveTextContent('3 lines for Last 30 days, South workbook, All triggers'));
    expect(linesOf(view.container)).toEqual(activityLines.south);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 7 days');
    await waitFor(() => expect(status).toHaveTextContent('3 lines for Last 7 days, South workbook, All triggers'));
  });

  it('loads older charges a page at a time', async () => {
    const { client, sentTo } = await (await workspaceWithActivity()).connect('member');
    const view = renderWithCredits(<CreditActivity {...hostNames} pageSize={2} />, { client, locale: 'en-US' });
    await waitFor(() => expect(linesOf(view.container)).toEqual(activityLines.north));
    const asked = sentTo('/v1/usage/activity');
    await userEvent.click(screen.getByRole('button', { name: 'Show older charges' }));
    await waitFor(() => expect(linesOf(view.container)).toHaveLength(4));
    await userEvent.click(screen.getByRole('button', { name: 'Show older charges' }));
    await waitFor(() => expect(linesOf(view.container)).toEqual([...activityLines.north, ...activityLines.south]));
    expect(sentTo('/v1/usage/activity')).toBe(asked + 2);
    expect(screen.queryByRole('button', { name: 'Show older charges' })).not.toBeInTheDocument();
  });

  it('names workbooks by their ids and reasons as recorded when the host gives no names', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const view = renderWithCredits(<CreditActivity defaultWorkbookId="wb_north" />, { client, locale: 'en-US' });
    await waitFor(() =>
      expect(linesOf(view.container)).toEqual([
        'Re-run of Find work email on 2 rows in wb_north: 2 credits',
        'Find work email on 5 rows in wb_north: 2 credits (1 already paid, not charged again; 2 refunded: no_data)',
      ]),
    );
  });

  it('says when nothing was charged for the selection', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(<CreditActivity />, { client, locale: 'en-US' });
    expect(await screen.findByText('No credits were charged for this selection.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Why credits were charged' })).toHaveAttribute('data-state', 'empty');
  });

  it('says the activity could not be loaded, and asks again from the Try again button', async () => {
    const refused = refusedClient();
    renderWithCredits(<CreditActivity />, { client: refused.client, locale: 'en-US' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
    expect(screen.getByRole('region', { name: 'Why credits were charged' })).toHaveAttribute('data-state', 'error');
    const asked = refused.sentTo('/v1/usage/activity');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(refused.sentTo('/v1/usage/activity')).toBeGreaterThan(asked));
  });

  it('writes amounts, counts and dates for the locale, and takes translated words', async () => {
    const { client } = await (await workspaceWithActivity()).connect('member');
    const view = renderWithCredits(<CreditActivity {...hostNames} defaultTrigger="auto_update" />, {
      client,
      locale: 'de-DE',
      overrides: {
        activity: {
          autoUpdate: ({ rows, workbook, credits }) =>
            `Auto-Update hat ${rows} Datensätze in ${workbook} aktualisiert: ${credits}`,
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 3, name: fullDay(today, 'de-DE') })).toBeInTheDocument();
    await waitFor(() =>
      expect(linesOf(view.container)).toEqual([
        'Auto-Update hat 3 Datensätze in South workbook aktualisiert: 1,5 credits',
      ]),
    );
  });
});
