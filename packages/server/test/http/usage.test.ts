import type { CreditClient } from '@creditkit/sdk';
import { usageReport } from '@creditkit/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/http/routes/usage';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

let api: RunningServer;

/**
 * Reads CSV as a spreadsheet does with `separator` between cells: a quoted cell may hold separators, line
 * breaks and doubled quotes, and what follows its closing quote up to the next separator joins it.
 */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
/** The server clock: charges are dated by it, and the default period ends on its day. */
let clock = new Date('2026-03-09T10:00:00.000Z');

beforeAll(async () => {
  api = await startTestServer({ now: () => clock });
});
afterAll(() => api.close());

const newWorkspace = () => createDevWorkspace(api.url);

function get(path: string, secretKey: string) {
  return fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${secretKey}` } });
}

const tokens = (inputTokens: number, outputTokens: number) => ({ usage: { inputTokens, outputTokens } });

/**
 * Two days of work in two workbooks, by hand:
 * 2026-03-09  email wb_alpha 1 · mobile phone wb_alpha 10 (refunded on the 10th) · GPT mini wb_beta 0.8 (refunded)
 * 2026-03-10  email wb_beta 1 · the same email again: deduplicated, 0 · Claude Haiku wb_alpha 2.5
 *             · phone wb_beta with the workspace's own phonebook key: own_key, 0
 * GPT mini at 0.2 + 0.6 per 1,000 tokens × 1,000 each = 0.8; Claude Haiku at 0.5 × 2 + 1.5 × 1 = 2.5.
 */
async function twoDaysOfWork(workspace: { workspaceId: string; client: CreditClient }) {
  const { client } = workspace;
  clock = new Date('2026-03-09T10:00:00.000Z');
  await client.charges.create({
    actionId: 'find-work-email',
    workbookId: 'wb_alpha',
    recordId: 'rec_1',
    field: 'email',
  });
  const phone = await client.charges.create({
    actionId: 'find-mobile-phone',
    workbookId: 'wb_alpha',
    recordId: 'rec_1',
    field: 'mobile',
  });
  const summary = await client.charges.create({
    actionId: 'ai-write-gpt-mini',
    workbookId: 'wb_beta',
    recordId: 'rec_2',
    field: 'summary',
    ...tokens(1000, 1000),
  });
  expect([phone.credits, summary.credits]).toEqual([10, 0.8]);

  clock = new Date('2026-03-10T09:00:00.000Z');
  await client.charges.create({
    actionId: 'find-work-email',
    workbookId: 'wb_beta',
    recordId: 'rec_3',
    field: 'email',
  });
  const again = await client.charges.create({
    actionId: 'find-work-email',
    workbookId: 'wb_beta',
    recordId: 'rec_3',
    field: 'email',
    audienceId: 'aud_2',
  });
  expect(again.status).toBe('deduplicated');
  const haiku = await client.charges.create({
    actionId: 'ai-write-claude-haiku',
    workbookId: 'wb_alpha',
    recordId: 'rec_4',
    field: 'summary',
    ...tokens(2000, 1000),
  });
  expect(haiku.credits).toBe(2.5);
  // The integrations route is another module; the row it would write is enough for R10 here.
  await api.db.query(
    "INSERT INTO integration_keys (workspace_id, provider, key_hash, key_last4) VALUES ($1, 'phonebook', 'x', '1234')",
    [workspace.workspaceId],
  );
  const ownKey = await client.charges.create({
    actionId: 'find-phone-number',
    workbookId: 'wb_beta',
    recordId: 'rec_5',
    field: 'phone',
  });
  expect(ownKey.status).toBe('own_key');
  await client.charges.refund(phone.id, { reason: 'number unreachable' });
  await client.charges.refund(summary.id, { reason: 'empty answer' });
  clock = new Date('2026-03-10T18:00:00.000Z');
}

const row = (key: string, charges: number, charged: number, refunded: number, net: number) => ({
  key,
  charges,
  charged,
  refunded,
  net,
});

describe('GET /v1/usage (R18)', () => {
  let mine: Awaited<ReturnType<typeof newWorkspace>>;
  let theirs: Awaited<ReturnType<typeof newWorkspace>>;

  beforeAll(async () => {
    clock = new Date('2026-03-09T08:00:00.000Z');
    mine = await newWorkspace();
    theirs = await newWorkspace();
    await twoDaysOfWork(mine);
    // R21: the other workspace works in a workbook of the same name on the same days.
    clock = new Date('2026-03-10T10:00:00.000Z');
    await theirs.client.charges.create({
      actionId: 'find-mobile-phone',
      workbookId: 'wb_alpha',
      recordId: 'rec_1',
      field: 'mobile',
    });
    await theirs.client.charges.create({
      actionId: 'ai-write-gpt-large',
      workbookId: 'wb_alpha',
      recordId: 'rec_9',
      field: 'summary',
      ...tokens(1000, 1000),
    });
    clock = new Date('2026-03-10T18:00:00.000Z');
  });

  it('groups by workbook, biggest net first, counting own-key and deduplicated charges at 0 credits', async () => {
    const report = await mine.client.usage.retrieve({ groupBy: 'workbook' });
    expect(report).toEqual({
      groupBy: 'workbook',
      from: '2026-02-09',
      to: '2026-03-10',
      data: [row('wb_alpha', 3, 13.5, 10, 3.5), row('wb_beta', 4, 1.8, 0.8, 1)],
      totals: { charges: 7, charged: 15.3, refunded: 10.8, net: 4.5 },
    });
  });

  it('groups by UTC day in date order; a refund counts on the day of the charge it refunds', async () => {
    const report = await mine.client.usage.retrieve({ groupBy: 'day', from: '2026-03-01', to: '2026-03-31' });
    expect(report.data).toEqual([row('2026-03-09', 3, 11.8, 10.8, 1), row('2026-03-10', 4, 3.5, 0, 3.5)]);
    expect(report.totals).toEqual({ charges: 7, charged: 15.3, refunded: 10.8, net: 4.5 });
  });

  it('groups by action and by provider, ties on net in key order', async () => {
    expect((await mine.client.usage.retrieve({ groupBy: 'action' })).data).toEqual([
      row('ai-write-claude-haiku', 1, 2.5, 0, 2.5),
      row('find-work-email', 3, 2, 0, 2),
      row('ai-write-gpt-mini', 1, 0.8, 0.8, 0),
      row('find-mobile-phone', 1, 10, 10, 0),
      row('find-phone-number', 1, 0, 0, 0),
    ]);
    expect((await mine.client.usage.retrieve({ groupBy: 'provider' })).data).toEqual([
      row('anthropic', 1, 2.5, 0, 2.5),
      row('mailfinder', 3, 2, 0, 2),
      row('openai', 1, 0.8, 0.8, 0),
      row('phonebook', 2, 10, 10, 0),
    ]);
  });

  it('groups by model over AI charges only, totals included', async () => {
    const report = await mine.client.usage.retrieve({ groupBy: 'model' });
    expect(report.data).toEqual([row('claude-haiku', 1, 2.5, 0, 2.5), row('gpt-mini', 1, 0.8, 0.8, 0)]);
    expect(report.totals).toEqual({ charges: 2, charged: 3.3, refunded: 0.8, net: 2.5 });
  });

  it('narrows to one workbook and to one day, `to` inclusive', async () => {
    expect((await mine.client.usage.retrieve({ groupBy: 'action', workbookId: 'wb_beta' })).data).toEqual([
      row('find-work-email', 2, 1, 0, 1),
      row('ai-write-gpt-mini', 1, 0.8, 0.8, 0),
      row('find-phone-number', 1, 0, 0, 0),
    ]);
    const oneDay = await mine.client.usage.retrieve({ groupBy: 'workbook', from: '2026-03-10', to: '2026-03-10' });
    expect(oneDay.data).toEqual([row('wb_alpha', 1, 2.5, 0, 2.5), row('wb_beta', 3, 1, 0, 1)]);
    const before = await mine.client.usage.retrieve({ groupBy: 'day', from: '2026-01-01', to: '2026-03-08' });
    expect(before).toMatchObject({ data: [], totals: { charges: 0, charged: 0, refunded: 0, net: 0 } });
    const everything = await mine.client.usage.retrieve({ groupBy: 'day', from: '0001-01-01', to: '9999-12-31' });
    expect(everything).toMatchObject({ from: '0001-01-01', to: '9999-12-31', totals: { charges: 7, net: 4.5 } });
  });

  it('defaults to the 30 days ending today per the server clock', async () => {
    clock = new Date('2026-04-20T12:00:00.000Z');
    try {
      const report = await mine.client.usage.retrieve({ groupBy: 'day' });
      expect(report).toMatchObject({ from: '2026-03-22', to: '2026-04-20', data: [] });
      expect(await mine.client.usage.retrieve({ groupBy: 'day', to: '2026-03-10' })).toMatchObject({
        from: '2026-02-09',
        totals: { charges: 7 },
      });
    } finally {
      clock = new Date('2026-03-10T18:00:00.000Z');
    }
  });

  it("R21: never counts another workspace's charges, even in a workbook of the same name", async () => {
    const report = await theirs.client.usage.retrieve({ groupBy: 'workbook' });
    expect(report.data).toEqual([row('wb_alpha', 2, 22.5, 0, 22.5)]);
    expect((await mine.client.usage.retrieve({ groupBy: 'model' })).data.map((entry) => entry.key)).not.toContain(
      'gpt-large',
    );
  });

  it('answers with a body that satisfies the contract, for every grouping', async () => {
    for (const groupBy of ['day', 'workbook', 'action', 'provider', 'model', 'trigger']) {
      const response = await get(`/v1/usage?groupBy=${groupBy}`, mine.secretKey);
      expect(response.status).toBe(200);
      expect(usageReport.safeParse(await response.json()).success).toBe(true);
    }
  });

  it.each([
    ['no groupBy', '', 'groupBy'],
    ['a groupBy of week', '?groupBy=week', 'groupBy'],
    ['a from that is not YYYY-MM-DD', '?groupBy=day&from=2026/03/01', 'from'],
    ['a from that is no calendar day', '?groupBy=day&from=2026-02-30', 'from'],
    ['a to that is a timestamp', '?groupBy=day&to=2026-03-10T00:00:00Z', 'to'],
    ['a from after to', '?groupBy=day&from=2026-03-10&to=2026-03-09', 'from'],
    ['a workbook id with a slash', '?groupBy=day&workbookId=wb%2F1', 'workbookId'],
  ])('answers %s with a 400 problem naming the parameter', async (_, query, parameter) => {
    for (const path of ['/v1/usage', '/v1/usage/export']) {
      const response = await get(`${path}${query}`, mine.secretKey);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { code: string; details: { issues: { path: string[] }[] } };
      expect(problem.code).toBe('validation_failed');
      expect(problem.details.issues.map((issue) => issue.path)).toContainEqual([parameter]);
    }
  });

  it('answers without a credential with 401', async () => {
    expect((await fetch(`${api.url}/v1/usage?groupBy=day`)).status).toBe(401);
    expect((await fetch(`${api.url}/v1/usage/export?groupBy=day`)).status).toBe(401);
  });
});

describe('usage by trigger (R24)', () => {
  /**
   * One day of work email in wb_alpha, by hand: a first run of rec_1 and rec_2 (1 credit each), a run of rec_1
   * again (deduplicated, 0), a deliberate re-run of rec_1 (1), and two Auto-Update refreshes (1 each), one of
   * them refunded. Then Claude Haiku on rec_3, a first run (2.5).
   */
  let workspace: Awaited<ReturnType<typeof newWorkspace>>;
  beforeAll(async () => {
    clock = new Date('2026-03-09T10:00:00.000Z');
    workspace = await newWorkspace();
    const email = (recordId: string, trigger?: 'run' | 'rerun' | 'auto_update') =>
      workspace.client.charges.create({
        actionId: 'find-work-email',
        workbookId: 'wb_alpha',
        recordId,
        field: 'email',
        ...(trigger && { trigger }),
      });
    await email('rec_1');
    await email('rec_2', 'run');
    expect((await email('rec_1')).status).toBe('deduplicated');
    await email('rec_1', 'rerun');
    await email('rec_1', 'auto_update');
    const refreshed = await email('rec_2', 'auto_update');
    await workspace.client.charges.refund(refreshed.id, { reason: 'provider returned nothing' });
    await workspace.client.charges.create({
      actionId: 'ai-write-claude-haiku',
      workbookId: 'wb_alpha',
      recordId: 'rec_3',
      field: 'summary',
      ...tokens(2000, 1000),
    });
    clock = new Date('2026-03-10T18:00:00.000Z');
  });

  it('groups by trigger, biggest net first and ties in key order, deduplicated runs counted at 0 credits', async () => {
    const response = await get('/v1/usage?groupBy=trigger', workspace.secretKey);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      groupBy: 'trigger',
      from: '2026-02-09',
      to: '2026-03-10',
      data: [row('run', 4, 4.5, 0, 4.5), row('auto_update', 2, 2, 1, 1), row('rerun', 1, 1, 0, 1)],
      totals: { charges: 7, charged: 7.5, refunded: 1, net: 6.5 },
    });
  });

  it('exports a line per group and trigger, the trigger in its own column', async () => {
    const response = await get('/v1/usage/export?groupBy=action&from=2026-03-09&to=2026-03-09', workspace.secretKey);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      [
        'action_id,trigger,charges,credits_charged,credits_refunded,credits_net',
        'find-work-email,run,3,2,0,2',
        'find-work-email,rerun,1,1,0,1',
        'find-work-email,auto_update,2,2,1,1',
        'ai-write-claude-haiku,run,1,2.5,0,2.5',
        '',
      ].join('\r\n'),
    );
  });

  it('grouped by trigger, names the first column trigger and writes it once', async () => {
    const response = await get(
      '/v1/usage/export?groupBy=trigger&from=2026-03-09&to=2026-03-09&totals=last_row',
      workspace.secretKey,
    );
    expect(await response.text()).toBe(
      [
        'trigger,charges,credits_charged,credits_refunded,credits_net',
        'run,4,4.5,0,4.5',
        'auto_update,2,2,1,1',
        'rerun,1,1,0,1',
        'Total (all rows),7,7.5,1,6.5',
        '',
      ].join('\r\n'),
    );
  });
});

describe('GET /v1/usage/export (R18)', () => {
  it('streams the report as CSV, data lines only unless the totals are asked for last', async () => {
    clock = new Date('2026-03-09T08:00:00.000Z');
    const workspace = await newWorkspace();
    await twoDaysOfWork(workspace);
    const response = await get('/v1/usage/export?groupBy=day&from=2026-03-01&to=2026-03-31', workspace.secretKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="credit-usage-2026-03-01-2026-03-31.csv"',
    );
    // Streamed: no length is known up front.
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.text()).toBe(
      [
        'date,trigger,charges,credits_charged,credits_refunded,credits_net',
        '2026-03-09,run,3,11.8,10.8,1',
        '2026-03-10,run,4,3.5,0,3.5',
        '',
      ].join('\r\n'),
    );
    const period = { from: '2026-03-01', to: '2026-03-31' } as const;
    expect(await workspace.client.usage.export({ groupBy: 'model', ...period, totals: 'last_row' })).toBe(
      'model_id,trigger,charges,credits_charged,credits_refunded,credits_net\r\n' +
        'claude-haiku,run,1,2.5,0,2.5\r\ngpt-mini,run,1,0.8,0.8,0\r\n' +
        'Total (all rows),,2,3.3,0.8,2.5\r\n',
    );
    expect(await workspace.client.usage.export({ groupBy: 'workbook', ...period, totals: 'none' })).toMatch(
      /^workbook_id,trigger,charges,credits_charged,credits_refunded,credits_net\r\n[^T]*$/,
    );
  });

  it('quotes workbook ids per RFC 4180 and defuses spreadsheet formulas', async () => {
    clock = new Date('2026-03-09T08:00:00.000Z');
    const { workspaceId, secretKey, client } = await newWorkspace();
    const charge = (workbookId: string, actionId: string) =>
      client.charges.create({ actionId, workbookId, recordId: `rec_${actionId}`, field: 'f' });
    await charge('=SUM(A1)', 'find-mobile-phone');
    await charge('wb"q', 'enrich-person');
    await charge('@home', 'verify-email');
    // The API refuses commas and line breaks in ids; rows written before that rule, or by hand, still export safely.
    for (const [id, workbookId, credits] of [
      ['charge_comma', 'wb,1', 3000],
      ['charge_newline', 'line\nbreak', 1500],
    ] as const) {
      await api.db.query(
        `INSERT INTO charges (id, workspace_id, action_id, provider, workbook_id, record_id, field, credits, status,
           created_at) VALUES ($1, $2, 'find-work-email', 'mailfinder', $3, $1, 'email', $4, 'charged', $5)`,
        [id, workspaceId, workbookId, credits, clock],
      );
    }
    const response = await get(
      '/v1/usage/export?groupBy=workbook&from=2026-03-09&to=2026-03-09&totals=last_row',
      secretKey,
    );
    expect(await response.text()).toBe(
      [
        'workbook_id,trigger,charges,credits_charged,credits_refunded,credits_net',
        "'=SUM(A1),run,1,10,0,10",
        '"wb,1",run,1,3,0,3',
        '"wb""q",run,1,2,0,2',
        '"line\nbreak",run,1,1.5,0,1.5',
        "'@home,run,1,0.5,0,0.5",
        'Total (all rows),,5,17,0,17',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps every cell inert for comma, semicolon and tab readers, and every workbook id recoverable', async () => {
    clock = new Date('2026-03-09T08:00:00.000Z');
    const { secretKey, client } = await newWorkspace();
    const workbookIds = [
      'x;=1+1;',
      '=1+1',
      "'=1+1",
      "''=1+1",
      'a"b;c',
      '@SUM(A1)',
      '+1',
      '-1',
      '\uff1d1+1',
      "'plain",
      'wb_1',
      'x|y',
    ];
    for (const [index, workbookId] of workbookIds.entries()) {
      await client.charges.create({ actionId: 'verify-email', workbookId, recordId: `rec_${index}`, field: 'f' });
    }
    const response = await get('/v1/usage/export?groupBy=workbook&from=2026-03-09&to=2026-03-09', secretKey);
    const csv = await response.text();
    for (const separator of [',', ';', '\t']) {
      for (const cell of readCsv(csv, separator).flat()) {
        expect(cell, `a cell read with ${JSON.stringify(separator)} as separator`).not.toMatch(
          /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/,
        );
      }
    }
    // Read as the file says it is written: one guard apostrophe comes off, and every id is back, each once.
    const keys = readCsv(csv, ',')
      .slice(1)
      .map(([key]) => (key?.startsWith("'") ? key.slice(1) : key));
    expect(keys.sort()).toEqual([...workbookIds].sort());
  });

  it.each([
    ['wb_1', 'wb_1'],
    ['2026-03-09', '2026-03-09'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("x"),y', '"\'=HYPERLINK(""x""),y"'],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', '"\'\tx"'],
    ['a;b', '"a;b"'],
    ['x;=1+1;', '"x;=1+1;"'],
    ["'=1+1", "''=1+1"],
    ["'", "''"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\rx', '"\'\rx"'],
    ['a\r\nb', '"a\r\nb"'],
  ])('writes the field %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
