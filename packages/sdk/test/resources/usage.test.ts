import {
  createCreditClient,
  type UsageActivity,
  type UsageParams,
  type UsageReport,
  ValidationError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../support/failures';
import { fixtures } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const byWorkbook: UsageReport = {
  ...fixtures.usageReport,
  groupBy: 'workbook',
  data: [{ key: 'wb_1', charges: 3, charged: 7, refunded: 2, net: 5 }],
};
const csv =
  'key,trigger,charges,charged,refunded,net\r\n2026-11-02,run,3,7,2,5\r\n"wb ""q""",rerun,1,0.125,0,0.125\r\n';

const badParams: [string, UsageParams, PropertyKey[]][] = [
  // @ts-expect-error: usage is not grouped by week
  ['a groupBy of week', { groupBy: 'week' }, ['groupBy']],
  ['a from that is not YYYY-MM-DD', { groupBy: 'day', from: '2026/11/01' }, ['from']],
  ['a to that is a timestamp', { groupBy: 'day', to: '2026-11-30T00:00:00Z' }, ['to']],
  ['an empty workbook id', { groupBy: 'day', workbookId: '' }, ['workbookId']],
  ['a workbook id with a slash', { groupBy: 'day', workbookId: 'wb/1' }, ['workbookId']],
];

describe('usage.retrieve', () => {
  it('GETs /v1/usage with groupBy as the only query parameter and returns the validated report', async () => {
    api.on('GET /v1/usage', { body: fixtures.usageReport });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.usage.retrieve({ groupBy: 'day' })).resolves.toEqual(fixtures.usageReport);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/usage');
    expect(api.requests[0]?.query.toString()).toBe('groupBy=day');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('sends from, to and workbookId as query parameters', async () => {
    api.on('GET /v1/usage', { body: byWorkbook });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.usage.retrieve({ groupBy: 'workbook', from: '2026-11-01', to: '2026-11-30', workbookId: 'wb:1' }),
    ).resolves.toEqual(byWorkbook);
    expect(Object.fromEntries(api.requests[0]?.query ?? [])).toEqual({
      groupBy: 'workbook',
      from: '2026-11-01',
      to: '2026-11-30',
      workbookId: 'wb:1',
    });
  });

  it.each(badParams)('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.usage.retrieve(params));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('usage.export', () => {
  it('GETs /v1/usage/export asking for CSV and returns the text exactly as sent', async () => {
    api.on('GET /v1/usage/export', { body: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.usage.export({ groupBy: 'day', from: '2026-11-01', to: '2026-11-30' })).resolves.toBe(csv);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/usage/export');
    expect(Object.fromEntries(api.requests[0]?.query ?? [])).toEqual({
      groupBy: 'day',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(api.requests[0]?.headers.accept).toContain('text/csv');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('returns an empty export as an empty string', async () => {
    api.on('GET /v1/usage/export', { body: '', headers: { 'content-type': 'text/csv' } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.usage.export({ groupBy: 'model' })).resolves.toBe('');
  });

  it.each(badParams)('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.usage.export(params));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});

describe('usage.activity', () => {
  const row: UsageActivity = {
    day: '2026-11-02',
    workbookId: 'wb_1',
    actionId: 'find-work-email',
    model: null,
    trigger: 'rerun',
    run: null,
    charges: 3,
    deduplicated: 0,
    ownKey: 0,
    refunds: 1,
    charged: 3,
    refunded: 1,
    net: 2,
    refundReasons: [{ reason: 'no_data', refunds: 1, refunded: 1 }],
  };

  it('GETs /v1/usage/activity with the filters and walks the pages by nextCursor', async () => {
    api.on('GET /v1/usage/activity', (request) =>
      request.query.get('cursor') === 'page_2'
        ? { body: { from: '2026-11-01', to: '2026-11-30', data: [{ ...row, day: '2026-11-01' }], nextCursor: null } }
        : { body: { from: '2026-11-01', to: '2026-11-30', data: [row], nextCursor: 'page_2' } },
    );
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const params = { from: '2026-11-01', to: '2026-11-30', trigger: 'rerun', limit: 1 } as const;
    const days: string[] = [];
    for await (const activity of client.usage.activity(params)) days.push(activity.day);
    expect(days).toEqual(['2026-11-02', '2026-11-01']);
    expect(api.requests.map((request) => Object.fromEntries(request.query))).toEqual([
      { from: '2026-11-01', to: '2026-11-30', trigger: 'rerun', limit: '1' },
      { from: '2026-11-01', to: '2026-11-30', trigger: 'rerun', limit: '1', cursor: 'page_2' },
    ]);
  });

  it('refuses a trigger it does not know with ValidationError before sending anything', async () => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    // @ts-expect-error: no such trigger
    const error = await failureOf(() => client.usage.activity({ trigger: 'manual' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(api.requests).toHaveLength(0);
  });
});
