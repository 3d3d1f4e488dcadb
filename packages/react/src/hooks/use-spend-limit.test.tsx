import { useSpendLimit } from '@creditkit/react';
import { PermissionDeniedError, type SpendLimitTarget } from '@creditkit/sdk';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emailCharge } from '../../test/support/charges';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

let saveResult: unknown;

function LimitProbe({ target, limit }: { target: SpendLimitTarget; limit: number }) {
  const spendLimit = useSpendLimit(target);
  const { updateState } = spendLimit;
  const shown =
    spendLimit.status === 'success'
      ? `limit ${spendLimit.data.limit ?? 'none'}, ${spendLimit.data.enabled ? 'on' : 'off'}, spent ${spendLimit.data.spent}, remaining ${spendLimit.data.remaining ?? 'all'}`
      : spendLimit.status;
  const save = async () => {
    saveResult = await spendLimit.update({ enabled: true, limit });
  };
  return (
    <>
      <p>{shown}</p>
      <p>save {PermissionDeniedError.is(updateState.error) ? 'refused' : updateState.status}</p>
      <p>{spendLimit.isOptimistic ? 'unconfirmed' : 'confirmed'}</p>
      <button type="button" onClick={save}>
        save
      </button>
    </>
  );
}

/** Renders the probe for a fresh workspace's `role` on `target`, with no limit yet, and saves 5: it shows at once. */
async function saveLimitOf5(role: 'admin' | 'member', target: SpendLimitTarget) {
  const { client } = await (await createTestWorkspace()).connect(role);
  renderWithCredits(<LimitProbe target={target} limit={5} />, { client, role });
  await screen.findByText('limit none, off, spent 0, remaining all');

  act(() => screen.getByRole('button', { name: 'save' }).click());
  expect(screen.getByText('limit 5, on, spent 0, remaining 5')).toBeInTheDocument();
  return client;
}

describe('useSpendLimit against the reference server', () => {
  it('R11, R20: an admin’s save shows at once, then as the server saved it', async () => {
    const client = await saveLimitOf5('admin', { workbookId: 'wb_1' });
    expect(screen.getByText('save pending')).toBeInTheDocument();
    expect(screen.getByText('unconfirmed')).toBeInTheDocument();

    expect(await screen.findByText('save success')).toBeInTheDocument();
    expect(screen.getByText('confirmed')).toBeInTheDocument();
    expect(screen.getByText('limit 5, on, spent 0, remaining 5')).toBeInTheDocument();
    expect(await client.spendLimits.retrieve({ workbookId: 'wb_1' })).toMatchObject({ enabled: true, limit: 5 });
  });

  it('R20: a member’s save is refused, the previous limit comes back and the error says why', async () => {
    await saveLimitOf5('member', { enrichmentId: 'en_1' });
    expect(await screen.findByText('save refused')).toBeInTheDocument();
    expect(screen.getByText('limit none, off, spent 0, remaining all')).toBeInTheDocument();
    expect(saveResult).toBeUndefined();
  });

  it('R11, R12: follows the limit live when a refused charge reaches it', async () => {
    const workspace = await createTestWorkspace();
    const admin = await workspace.connect('admin');
    const member = await workspace.connect('member');
    await admin.client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 2 });
    renderWithCredits(<LimitProbe target={{ workbookId: 'wb_1' }} limit={2} />, { client: admin.client });
    await screen.findByText('limit 2, on, spent 0, remaining 2');
    await waitFor(() => expect(admin.answered).toContain('/v1/events'));

    await member.client.charges.create(emailCharge('rec_1'));
    await member.client.charges.create(emailCharge('rec_2'));
    await expect(member.client.charges.create(emailCharge('rec_3'))).rejects.toMatchObject({
      code: 'workbook_limit_reached',
    });
    expect(await screen.findByText('limit 2, on, spent 2, remaining 0')).toBeVisible();
  });
});
