import { FillRate, type FillRateField } from '@creditkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

/** A People audience of 1,000 records, as the host's data layer counts it. */
const fields: FillRateField[] = [
  { field: 'email', label: 'Work email', filled: 640, actionId: 'find-work-email' },
  { field: 'mobile', label: 'Mobile phone', filled: 100, actionId: 'find-mobile-phone' },
  { field: 'linkedin', label: 'LinkedIn URL', filled: 1000, actionId: 'find-linkedin-url' },
  { field: 'title', label: 'Title', filled: 700 },
  { field: 'nickname', label: 'Nickname', filled: 50 },
];
const actionIds = { title: 'enrich-person' };

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('FillRate against the reference server', () => {
  it('R22, R8: shows each field’s fill rate, what is missing and what filling it costs, in one request', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect('member');
    renderWithCredits(<FillRate audienceSize={1000} fields={fields} actionIds={actionIds} />, {
      client,
      locale: 'en-US',
    });
    const table = screen.getByRole('table', { name: 'Fill rate' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(table.closest('.ck-root')).toHaveAttribute('data-state', 'loading');
    await waitFor(() => expect(table.closest('.ck-root')).toHaveAttribute('data-state', 'ready'));

    expect(rowsOf(table)).toEqual([
      ['Field', 'Fill rate', 'Missing', 'Credits to fill gaps'],
      ['Work email', '64%640 of 1,000 records', '360', '≈360 credits'],
      // 900 mobile numbers at 10 credits each: harder data costs more (R8).
      ['Mobile phone', '10%100 of 1,000 records', '900', '≈9,000 credits'],
      ['LinkedIn URL', '100%1,000 of 1,000 records', '0', 'Complete'],
      // Its action comes from `actionIds`: enrich-person, 2 credits.
      ['Title', '70%700 of 1,000 records', '300', '≈600 credits'],
      ['Nickname', '5%50 of 1,000 records', '950', 'No action fills this field'],
      ['Total', '', '2,510', '≈9,960 credits'],
    ]);
    const meter = screen.getByRole('meter', { name: 'Work email' });
    expect(meter).toHaveAttribute('value', '640');
    expect(meter).toHaveAttribute('max', '1000');
    expect(meter).toHaveAttribute('aria-valuetext', '64%');
    expect(requests.filter((request) => request.startsWith('/v1/actions'))).toHaveLength(1);
  });

  it('R10: costs nothing to fill with the workspace’s own key for the provider', async () => {
    const workspace = await createTestWorkspace();
    const admin = await workspace.connect('admin');
    await admin.client.integrations.setKey('phonebook', { apiKey: 'own-phonebook-key-01' });
    const { client } = await workspace.connect('member');
    renderWithCredits(<FillRate audienceSize={1000} fields={fields} actionIds={actionIds} />, {
      client,
      locale: 'en-US',
    });
    const mobile = await screen.findByRole('row', { name: /Mobile phone/ });
    await waitFor(() => expect(within(mobile).getByText('Free · own key')).toBeInTheDocument());
    expect(within(screen.getAllByRole('row').at(-1) as HTMLElement).getByText('≈960 credits')).toBeInTheDocument();
  });

  it('writes percentages and counts for the locale', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    const ratios = [{ field: 'email', label: 'E-Mail', filled: 6405, actionId: 'verify-email' }];
    renderWithCredits(<FillRate audienceSize={10000} fields={ratios} />, { client, locale: 'de-DE' });
    const table = screen.getByRole('table');
    await waitFor(() => expect(table.closest('.ck-root')).toHaveAttribute('data-state', 'ready'));
    expect(rowsOf(table)[1]).toEqual(['E-Mail', '64,1\u00a0%6.405 of 10.000 records', '3.595', '≈1.797,5 credits']);
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuetext', '64,1\u00a0%');
  });

  it('says a cost is unavailable for an action the API does not know, and offers no pointless retry', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    const retired = [{ field: 'fax', label: 'Fax', filled: 10, actionId: 'find-fax-number' }, ...fields];
    renderWithCredits(<FillRate audienceSize={1000} fields={retired} actionIds={actionIds} />, {
      client,
      locale: 'en-US',
    });
    const table = screen.getByRole('table');
    await waitFor(() => expect(table.closest('.ck-root')).toHaveAttribute('data-state', 'error'));
    expect(rowsOf(table)[1]?.[3]).toBe('Cost unavailable');
    expect(rowsOf(table).at(-1)?.[3]).toBe('Cost unavailable');
    expect(rowsOf(table)[2]?.[3]).toBe('≈360 credits');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says costs could not be loaded, and asks again from the Try again button', async () => {
    const { client, sentTo } = refusedClient();
    renderWithCredits(<FillRate audienceSize={1000} fields={fields} theme="dark" />, { client, locale: 'en-US' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
    const table = screen.getByRole('table');
    expect(table.closest('.ck-root')).toHaveAttribute('data-state', 'error');
    expect(table.closest('.ck-root')).toHaveAttribute('data-theme', 'dark');
    const asked = sentTo('/v1/actions');

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sentTo('/v1/actions')).toBeGreaterThan(asked));
    expect(await screen.findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
  });

  it('says when there is nothing to rate', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    const view = renderWithCredits(<FillRate audienceSize={0} fields={fields} />, { client, locale: 'en-US' });
    expect(screen.getByText('This audience has no records or fields to rate yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    view.rerender(<FillRate audienceSize={1000} fields={[]} />);
    expect(screen.getByText('This audience has no records or fields to rate yet.').parentElement).toHaveAttribute(
      'data-state',
      'empty',
    );
  });
});
