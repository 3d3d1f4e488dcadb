import type { UsageActivity } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { chargeTwoDaysOfActivity, twoDaysOfActivity } from '../support/activity-scenario';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * The activity read's SQL (UTC days, "C" ordering of ids, the keyset of a cursor, the join to runs) and usage by
 * trigger, on PostgreSQL as on PGlite: the same scenario must read the same.
 */

let postgres: ThrowawayPostgres;
let api: RunningServer;
let clock = new Date('2026-03-09T08:00:00.000Z');
let workspaces: Awaited<ReturnType<typeof chargeTwoDaysOfActivity>>;

beforeAll(async () => {
  postgres = await postgresForTests();
  api = await startServer({ port: 0, dev: true, databaseUrl: postgres.url, now: () => clock });
  workspaces = await chargeTwoDaysOfActivity(api.url, { set: (instant) => (clock = new Date(instant)) });
});
afterAll(async () => {
  await api?.close();
  await postgres?.stop();
});

describe('Usage activity and usage by trigger on PostgreSQL (R24)', () => {
  it('reads the activity as PGlite does, whole and a row per page', async () => {
    expect((await workspaces.mine.client.usage.activity()).data).toEqual(twoDaysOfActivity);
    const walked: UsageActivity[] = [];
    for await (const row of workspaces.mine.client.usage.activity({ limit: 1 })) walked.push(row);
    expect(walked).toEqual(twoDaysOfActivity);
    expect((await workspaces.theirs.client.usage.activity()).data).toHaveLength(1);
  });

  it('groups usage by trigger', async () => {
    const report = await workspaces.mine.client.usage.retrieve({ groupBy: 'trigger' });
    expect(report.data).toEqual([
      { key: 'run', charges: 9, charged: 7.2, refunded: 3, net: 4.2 },
      { key: 'auto_update', charges: 2, charged: 2, refunded: 0, net: 2 },
      { key: 'rerun', charges: 1, charged: 1, refunded: 0, net: 1 },
    ]);
  });
});
