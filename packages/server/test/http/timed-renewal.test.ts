import type { LedgerEntry } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { renewDueWorkspaces } from '../../src/store/renewals';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// The renewals the server's minute timer runs, once the clock has passed the period end: unlike the dev route,
// which renews early, they find the ending period's grants already expired, so already outside the balance.

let server: RunningServer;
let clock = new Date('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

describe('renewals run by the timer after the period end', () => {
  it('R3: forfeited and rolled-over rows leave the balance after them as it is: never below 0, ending at the balance', async () => {
    const { client, workspaceId } = await createDevWorkspace(server.url, 'pro-monthly');
    await client.purchases.create({ credits: 25 });
    for (const periodEnd of ['2026-12-02T12:00:00.000Z', '2027-01-02T12:00:00.000Z', '2027-02-02T12:00:00.000Z']) {
      clock = new Date(periodEnd);
      expect(await renewDueWorkspaces(server.db, () => clock, 0)).toBe(1);
    }
    const rows: LedgerEntry[] = [];
    for await (const row of client.ledger.list()) rows.push(row);
    const leaving = rows.filter((row) => row.type === 'forfeited' || row.type === 'expired');
    expect(leaving.length).toBeGreaterThan(0);
    // Grants that expired at the period end were out of the balance from then on (R1): writing them off moves
    // nothing the balance holds, so each row's balance is the purchase alone, which never expires.
    for (const row of leaving) expect(row.balanceAfter).toBe(25);
    expect(rows[0]?.balanceAfter).toBe((await client.balance.retrieve()).spendable);
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });
});
