import { createCreditClient, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const quote = {
  actionId: 'find-mobile-phone',
  rows: 3,
  chargedRows: 1,
  alreadyPaidRows: 1,
  ownKeyRows: 0,
  notReachedRows: 1,
  perRow: 10,
  credits: 10,
  balance: 1_990,
  balanceAfter: 1_980,
  stop: {
    code: 'workbook_limit_reached',
    afterRows: 2,
    limit: { scope: 'workbook', id: 'wb_1', limit: 25, spent: 20, remaining: 5 },
  },
  records: [
    { recordId: 'rec_1', outcome: 'already_paid', credits: 0 },
    { recordId: 'rec_2', outcome: 'charge', credits: 10 },
    { recordId: 'rec_3', outcome: 'not_reached', credits: 0 },
  ],
};

const params = { actionId: 'find-mobile-phone', workbookId: 'wb_1', field: 'mobile' };

describe('quotes.create', () => {
  it('POSTs the run to /v1/quotes and returns the quote', async () => {
    api.on('POST /v1/quotes', { status: 200, body: quote });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.quotes.create({ ...params, recordIds: ['rec_1', 'rec_2', 'rec_3'] })).resolves.toEqual(quote);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.body).toEqual({ ...params, recordIds: ['rec_1', 'rec_2', 'rec_3'] });
  });

  it.each([
    ['neither recordIds nor rows', params, []],
    ['both recordIds and rows', { ...params, recordIds: ['rec_1'], rows: 1 }, []],
    ['a repeated record id', { ...params, recordIds: ['rec_1', 'rec_1'] }, ['recordIds']],
    ['usage with neither inputTokens nor prompt', { ...params, rows: 1, usage: { outputTokens: 5 } }, ['usage']],
  ])('refuses %s with ValidationError before sending anything', async (_, body, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.quotes.create(body as Parameters<typeof client.quotes.create>[0]))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});
