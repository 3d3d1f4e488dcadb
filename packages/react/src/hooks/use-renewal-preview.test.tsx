import { useRenewalPreview } from '@creditkit/react';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

async function previewFor(planId: string) {
  const { client } = await (await createTestWorkspace(planId)).connect();
  const { result: latest } = renderHookWithCredits(() => useRenewalPreview(), { client });
  await waitFor(() => expect(latest.current?.status).toBe('success'));
  return latest.current?.data;
}

describe('useRenewalPreview against the reference server', () => {
  it('R3: a monthly plan keeps its unused credits up to twice the allowance after renewal', async () => {
    expect(await previewFor('starter-monthly')).toMatchObject({
      kept: 2000,
      forfeited: 0,
      newAllowance: 2000,
      balanceAfter: 4000,
      nextPlan: { id: 'starter-monthly' },
    });
  });

  it('R5: a trial becomes the free plan and keeps at most 100 credits', async () => {
    expect(await previewFor('trial')).toMatchObject({
      kept: 100,
      forfeited: 900,
      newAllowance: 100,
      balanceAfter: 200,
      plan: { id: 'trial' },
      nextPlan: { id: 'free' },
    });
  });
});
