import { creditQueryKeys, useCreditStore, useRunQuote, useSpendLimit } from '@creditkit/react';
import type { QuoteCreateParams } from '@creditkit/sdk';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestGate } from '../../test/support/clients';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

/** Work emails (1 credit each, R8) for records `rec_1`… in workbook `wb_1`, on the field the charges name. */
const emails = (count: number, more: Partial<QuoteCreateParams> = {}): QuoteCreateParams => ({
  actionId: 'find-work-email',
  workbookId: 'wb_1',
  field: 'work_email',
  recordIds: Array.from({ length: count }, (_, index) => `rec_${index + 1}`),
  ...more,
});

/** The rows each quote request of the session asked for, in order. */
async function quotedRowCounts(requests: Request[]): Promise<number[]> {
  return Promise.all(
    requests.map(async (request) => ((await request.clone().json()) as QuoteCreateParams).recordIds?.length ?? 0),
  );
}

/** Records every quote request, and holds back those `hold` picks until `release()`, whenever it is called. */
function quoteGate(hold: (params: QuoteCreateParams) => boolean = () => false) {
  const quoteRequests: Request[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gate: RequestGate = async (request, send) => {
    if (new URL(request.url).pathname !== '/v1/quotes') return send();
    quoteRequests.push(request.clone());
    if (hold((await request.clone().json()) as QuoteCreateParams)) await released;
    return send();
  };
  return { gate, quoteRequests, release };
}

describe('useRunQuote against the reference server', () => {
  it('R23: answers what the API quotes for the selection', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { client } = await workspace.connect('member');
    const { result } = renderHookWithCredits(() => useRunQuote(emails(24)), { client });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(await client.quotes.create(emails(24)));
    expect(result.current.data).toMatchObject({ rows: 24, chargedRows: 24, credits: 24, stop: null });
  });

  it('asks nothing while nothing is selected, and is idle', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const session = await workspace.connect('member');
    const { result, rerender } = renderHookWithCredits(() => useRunQuote(null), { client: session.client });
    expect(result.current).toMatchObject({ status: 'idle', data: undefined, error: undefined, isFetching: false });
    rerender();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.sentTo('/v1/quotes')).toBe(0);
  });

  it('coalesces a selection changed many times in a row into one quote of the last one', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { gate, quoteRequests } = quoteGate();
    const { client } = await workspace.connect('member', gate);
    let selected = 1;
    const { result, rerender } = renderHookWithCredits(() => useRunQuote(emails(selected)), { client });
    // Rows picked one after the other, each render before any timer can run.
    for (let rows = 2; rows <= 12; rows += 1) {
      selected = rows;
      rerender();
    }
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.data?.rows).toBe(12));
    // The first selection was asked at once; the eleven that followed it, as one.
    expect(await quotedRowCounts(quoteRequests)).toEqual([1, 12]);
  });

  it('never shows an earlier selection’s quote for a newer one, whichever answer comes last', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    // The quote of the first selection (3 rows) is held back until the second (5 rows) has been answered.
    const { gate, release } = quoteGate((params) => params.recordIds?.length === 3);
    const { client } = await workspace.connect('member', gate);
    let selected = 3;
    const { result, rerender } = renderHookWithCredits(() => useRunQuote(emails(selected)), { client });
    selected = 5;
    rerender();
    await waitFor(() => expect(result.current.data?.rows).toBe(5));
    act(() => release());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.data?.rows).toBe(5);

    // Back to the first selection: its own answer, now arrived, is the one shown.
    selected = 3;
    rerender();
    await waitFor(() => expect(result.current.data?.rows).toBe(3));
  });

  it('shows no quote while a new selection’s is on its way, not the previous selection’s', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    // The quote of the second selection (5 rows) is held back.
    const { gate, release } = quoteGate((params) => params.recordIds?.length === 5);
    const { client } = await workspace.connect('member', gate);
    let selected = 3;
    const { result, rerender } = renderHookWithCredits(() => useRunQuote(emails(selected)), { client });
    await waitFor(() => expect(result.current.data?.rows).toBe(3));
    selected = 5;
    rerender();
    // During the pause, then while the answer is on its way: nothing is shown as the 5 rows' quote.
    expect(result.current).toMatchObject({ status: 'loading', data: undefined });
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(result.current).toMatchObject({ status: 'loading', data: undefined });
    act(() => release());
    await waitFor(() => expect(result.current.data?.rows).toBe(5));
  });

  it('shares one request between identical quotes on the page', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { gate, quoteRequests } = quoteGate();
    const { client } = await workspace.connect('member', gate);
    const { result } = renderHookWithCredits(() => [useRunQuote(emails(4)), useRunQuote({ ...emails(4) })], {
      client,
    });
    await waitFor(() => expect(result.current.map((quote) => quote.status)).toEqual(['success', 'success']));
    expect(result.current[0]?.data).toBe(result.current[1]?.data);
    expect(quoteRequests).toHaveLength(1);
  });

  it('R13, R23: follows the live balance: rows charged elsewhere become already paid', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { client } = await workspace.connect('member');
    const { result } = renderHookWithCredits(() => useRunQuote(emails(5)), { client });
    await waitFor(() => expect(result.current.data?.chargedRows).toBe(5));

    // A teammate's run pays two of the rows: the balance event refreshes the quote.
    for (const recordId of ['rec_2', 'rec_4'])
      await workspace.charge({ actionId: 'find-work-email', recordId, field: 'work_email' });
    await waitFor(() => expect(result.current.data).toMatchObject({ chargedRows: 3, alreadyPaidRows: 2, credits: 3 }));
    expect(result.current.data?.records.map((record) => record.outcome)).toEqual([
      'charge',
      'already_paid',
      'charge',
      'already_paid',
      'charge',
    ]);
  });

  it('R11, R23: a workbook limit saved through the kit moves where the quoted run stops', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { client } = await workspace.connect('admin');
    const { result } = renderHookWithCredits(
      () => ({ quote: useRunQuote(emails(8)), limit: useSpendLimit({ workbookId: 'wb_1' }) }),
      { client, role: 'admin' },
    );
    await waitFor(() => expect(result.current.quote.data?.stop).toBeNull());
    await waitFor(() => expect(result.current.limit.status).toBe('success'));

    await act(() => result.current.limit.update({ enabled: true, limit: 3 }));
    await waitFor(() => expect(result.current.quote.data?.stop).not.toBeNull());
    expect(result.current.quote.data).toMatchObject({
      chargedRows: 3,
      credits: 3,
      notReachedRows: 5,
      stop: { code: 'workbook_limit_reached', afterRows: 3, limit: { scope: 'workbook', id: 'wb_1', limit: 3 } },
    });
  });

  it('R10: an own key set elsewhere makes the rows free once action costs are invalidated', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const { client } = await workspace.connect('admin');
    const { result } = renderHookWithCredits(() => ({ quote: useRunQuote(emails(3)), store: useCreditStore() }), {
      client,
    });
    await waitFor(() => expect(result.current.quote.data?.credits).toBe(3));

    await client.integrations.setKey('mailfinder', { apiKey: 'own-mail-key-0003' });
    act(() => result.current.store.invalidate(creditQueryKeys.actionCosts));
    await waitFor(() => expect(result.current.quote.data).toMatchObject({ credits: 0, ownKeyRows: 3, chargedRows: 0 }));
  });

  it('ends in error when the API refuses the quote, and asks again on refetch', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const session = await workspace.connect('member');
    // An action the catalogue does not have: the API refuses the quote (404).
    const params: QuoteCreateParams = { ...emails(2), actionId: 'find-yacht' };
    const { result } = renderHookWithCredits(() => useRunQuote(params), { client: session.client });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.data).toBeUndefined();
    await act(() => result.current.refetch());
    expect(session.sentTo('/v1/quotes')).toBe(2);
  });
});
