import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { reconcile } from '../../src/store/reconcile';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// Concurrent charges to one workspace go through one transaction per group (http/charge-batcher.ts).
// These requests arrive together, so they share groups: each must still be answered as if it were alone.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function postCharge(secretKey: string, body: Record<string, unknown>, idempotencyKey?: string) {
  return fetch(`${server.url}/v1/charges`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secretKey}`,
      'content-type': 'application/json',
      ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
    },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
}

const email = (recordId: string) => ({ actionId: 'find-work-email', workbookId: 'wb_group', recordId, field: 'email' });

describe('charges that arrive together', () => {
  it('answer each request as if it were alone: repeats replay, conflicts and unknown runs charge nothing (R13, R19)', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => postCharge(secretKey, email(`rec_${i}`), `key_${i}`)),
      // The same key and body again, in the same burst: one charge, the same answer.
      ...Array.from({ length: 3 }, () => postCharge(secretKey, email('rec_0'), 'key_0')),
      // The same key with another body: a conflict, whichever of the two the group decides first.
      postCharge(secretKey, email('rec_other'), 'key_1'),
      // The same record without a key: deduplicated against the charge that paid (R13).
      postCharge(secretKey, email('rec_2')),
      postCharge(secretKey, { ...email('rec_run'), runId: 'no_such_run' }, 'key_run'),
    ]);

    const first = answers.slice(0, 10);
    expect(first.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    expect(new Set(first.map((answer) => answer.body.id)).size).toBe(10);
    for (const repeat of answers.slice(10, 13)) expect(repeat).toEqual(first[0]);
    expect(answers[13]).toMatchObject({ status: 409, body: { code: 'idempotency_conflict' } });
    expect(answers[14]).toMatchObject({ status: 201, body: { status: 'deduplicated', credits: 0 } });
    expect(answers[15]).toMatchObject({ status: 404, body: { code: 'not_found' } });

    expect((await client.balance.retrieve()).spendable).toBe(2000 - 10);
    // A 404 leaves its key free: the corrected request may use it.
    expect(await postCharge(secretKey, email('rec_run'), 'key_run')).toMatchObject({ status: 201 });
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
  });

  it('stop exactly at a workbook limit when a burst asks for more (R11)', async () => {
    const { secretKey, workspaceId, client } = await createDevWorkspace(server.url);
    await client.spendLimits.update({ workbookId: 'wb_group' }, { enabled: true, limit: 7 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postCharge(secretKey, email(`rec_${i}`), `burst_${i}`)),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(7);
    expect(answers.filter((answer) => answer.status === 402)).toHaveLength(13);
    for (const refusal of answers.filter((answer) => answer.status === 402)) {
      expect(refusal.body).toMatchObject({ code: 'workbook_limit_reached', details: { limit: 7, spent: 7 } });
    }
    expect(await client.spendLimits.retrieve({ workbookId: 'wb_group' })).toMatchObject({ spent: 7, remaining: 0 });
    expect(await reconcile(server.db, workspaceId)).toEqual([]);
    // A group announces its balance once: fewer announcements than charges shows the burst was grouped.
    const [announced] = await server.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM events WHERE workspace_id = $1 AND type = 'balance.updated'",
      [workspaceId],
    );
    expect(announced?.count).toBeLessThan(7);
  });
});
