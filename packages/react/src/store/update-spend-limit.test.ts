import { createCreditStore, creditQueryKeys, updateSpendLimit } from '@creditkit/react';
import { PermissionDeniedError, type SpendLimit, type SpendLimitUpdateParams } from '@creditkit/sdk';
import { describe, expect, it, vi } from 'vitest';

const target = { workbookId: 'wb_1' };
const key = creditQueryKeys.spendLimit(target);
const current: SpendLimit = { scope: 'workbook', id: 'wb_1', enabled: true, limit: 100, spent: 40.5, remaining: 59.5 };

/** A store already showing `current`, and a spend-limits resource whose answer the test gives. */
function setUp() {
  const store = createCreditStore({ events: { subscribe: () => () => {} } }, { live: false });
  const loads = vi.fn(() => Promise.resolve(current));
  store.observe(key, loads, () => {});
  let answer!: { resolve: (limit: SpendLimit) => void; reject: (error: unknown) => void };
  const update = vi.fn(
    (_target: typeof target, _params: SpendLimitUpdateParams) =>
      new Promise<SpendLimit>((resolve, reject) => {
        answer = { resolve, reject };
      }),
  );
  return { store, loads, update, answer: () => answer };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('updateSpendLimit', () => {
  it('shows the new limit before the server answers, with remaining computed exactly, then the saved limit', async () => {
    const { store, update, answer } = setUp();
    await flush();
    const saving = updateSpendLimit(store, { spendLimits: { update } }, target, { enabled: true, limit: 40.6 });
    expect(store.getSnapshot<SpendLimit>(key).data).toEqual({ ...current, limit: 40.6, remaining: 0.1 });
    const saved = { ...current, limit: 40.6, remaining: 0.1 };
    answer().resolve(saved);
    await expect(saving).resolves.toBe(saved);
    expect(store.getSnapshot<SpendLimit>(key).data).toBe(saved);
  });

  it('puts the previous limit back when the save fails, refetches it, and throws the reason', async () => {
    const { store, loads, update, answer } = setUp();
    await flush();
    const saving = updateSpendLimit(store, { spendLimits: { update } }, target, { enabled: false, limit: 0 });
    expect(store.getSnapshot<SpendLimit>(key).data).toMatchObject({ enabled: false, limit: 0, remaining: 0 });
    const refusal = new PermissionDeniedError('Admins only.', { code: 'forbidden', status: 403 });
    answer().reject(refusal);
    await expect(saving).rejects.toBe(refusal);
    expect(store.getSnapshot<SpendLimit>(key).data).toBe(current);
    expect(loads).toHaveBeenCalledTimes(2);
  });

  it('does not roll back over something newer that arrived meanwhile', async () => {
    const { store, loads, update, answer } = setUp();
    await flush();
    const saving = updateSpendLimit(store, { spendLimits: { update } }, target, { enabled: true, limit: 500 });
    const newer = { ...current, spent: 60, remaining: 40 };
    store.setData(key, newer);
    loads.mockImplementation(() => Promise.resolve(newer));
    answer().reject(new Error('lost connection'));
    await expect(saving).rejects.toThrow('lost connection');
    expect(store.getSnapshot<SpendLimit>(key).data).toBe(newer);
  });
});
