import type { UsageActivity } from '@creditkit/sdk';
import { expect } from 'vitest';
import { createDevWorkspace } from './dev-workspace';

/** The server clock a scenario sets: charges are dated by it. */
export interface ScenarioClock {
  set(instant: string): void;
}

const tokens = { usage: { inputTokens: 1000, outputTokens: 1000 } };

/**
 * Two days of the causes behind "why were credits deducted?", in two workbooks (R24):
 * 2026-03-09  wb_people  Find work email, a first run of rec_1–rec_4 (1 credit each), rec_2 and rec_4 refunded
 *                        `no_data`, rec_3 `invalid`; rec_1 asked again: deduplicated · a re-run of rec_1 (1)
 * 2026-03-10  wb_people  Auto-Update refreshes rec_1 and rec_2 (1 each)
 *             wb_ai      GPT mini (0.8 a row at 1,000 + 1,000 tokens): run_stop charges 3 rows and is stopped
 *                        midway; run_done charges 1 row and completes
 * Another workspace charges in a workbook of the same name on the same day, which must never show.
 */
export async function chargeTwoDaysOfActivity(baseUrl: string, clock: ScenarioClock) {
  const mine = await createDevWorkspace(baseUrl, 'pro-monthly');
  const theirs = await createDevWorkspace(baseUrl, 'pro-monthly');
  const email = (recordId: string, trigger?: 'run' | 'rerun' | 'auto_update') =>
    mine.client.charges.create({
      actionId: 'find-work-email',
      workbookId: 'wb_people',
      recordId,
      field: 'email',
      ...(trigger && { trigger }),
    });
  clock.set('2026-03-09T10:00:00.000Z');
  const firstRun = [await email('rec_1'), await email('rec_2'), await email('rec_3'), await email('rec_4')];
  expect((await email('rec_1')).status).toBe('deduplicated');
  await email('rec_1', 'rerun');
  for (const [index, reason] of [
    [1, 'no_data'],
    [3, 'no_data'],
    [2, 'invalid'],
  ] as const) {
    await mine.client.charges.refund(firstRun[index]?.id ?? '', { reason });
  }

  clock.set('2026-03-10T09:00:00.000Z');
  await email('rec_1', 'auto_update');
  await email('rec_2', 'auto_update');
  for (const [runId, rows] of [
    ['run_stop', 3],
    ['run_done', 1],
  ] as const) {
    await mine.client.ai.runs.create({ runId, workbookId: 'wb_ai', model: 'gpt-mini', budget: 10 });
    for (let row = 0; row < rows; row++) {
      await mine.client.charges.create({
        actionId: 'ai-write-gpt-mini',
        workbookId: 'wb_ai',
        recordId: `rec_${runId}_${row}`,
        field: 'summary',
        runId,
        ...tokens,
      });
    }
  }
  expect(await mine.client.ai.runs.stop('run_stop')).toMatchObject({ status: 'completed', stopped: true });
  expect(await mine.client.ai.runs.complete('run_done')).toMatchObject({ status: 'completed', stopped: false });
  await theirs.client.charges.create({
    actionId: 'find-mobile-phone',
    workbookId: 'wb_people',
    recordId: 'rec_1',
    field: 'mobile',
  });
  clock.set('2026-03-10T18:00:00.000Z');
  return { mine, theirs };
}

const activity = (row: Partial<UsageActivity>): UsageActivity => ({
  day: '2026-03-10',
  workbookId: 'wb_people',
  actionId: 'find-work-email',
  model: null,
  trigger: 'run',
  run: null,
  charges: 0,
  deduplicated: 0,
  ownKey: 0,
  refunds: 0,
  charged: 0,
  refunded: 0,
  net: 0,
  refundReasons: [],
  ...row,
});

const aiRow = (runId: string, rows: number, stopped: boolean) =>
  activity({
    workbookId: 'wb_ai',
    actionId: 'ai-write-gpt-mini',
    model: 'gpt-mini',
    run: { id: runId, status: 'completed', stopped },
    charges: rows,
    charged: 0.8 * rows,
    net: 0.8 * rows,
  });

/** What `chargeTwoDaysOfActivity` must read as, newest day first, then by workbook, action, trigger and run. */
export const twoDaysOfActivity: UsageActivity[] = [
  aiRow('run_done', 1, false),
  { ...aiRow('run_stop', 3, true), charged: 2.4, net: 2.4 },
  activity({ trigger: 'auto_update', charges: 2, charged: 2, net: 2 }),
  activity({ day: '2026-03-09', trigger: 'rerun', charges: 1, charged: 1, net: 1 }),
  activity({
    day: '2026-03-09',
    charges: 5,
    deduplicated: 1,
    refunds: 3,
    charged: 4,
    refunded: 3,
    net: 1,
    refundReasons: [
      { reason: 'no_data', refunds: 2, refunded: 2 },
      { reason: 'invalid', refunds: 1, refunded: 1 },
    ],
  }),
];
