import { useRenewalPreview } from '@creditkit/react';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withProcessingRenewals } from '../../test/support/processing-renewal';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace, type TestWorkspace } from '../../test/support/test-workspace';

async function previewOf(workspace: TestWorkspace) {
  const { client } = await workspace.connect();
  const { result: latest } = renderHookWithCredits(() => useRenewalPreview(), { client });
  await waitFor(() => expect(latest.current?.status).toBe('success'));
  return latest.current?.data;
}

const previewFor = async (planId: string) => previewOf(await createTestWorkspace(planId));

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

describe('useRenewalPreview while a renewal is processing (R7)', () => {
  const renewedWorkspace = withProcessingRenewals();

  it('counts the pending allowance as unused, as it will be by the end of the period', async () => {
    const { workspace, renewed } = await renewedWorkspace();
    expect(renewed.renewal.status).toBe('processing');
    expect(renewed.pending).toBeGreaterThan(0);

    const unused = renewed.bySource.plan + renewed.bySource.rollover + renewed.pending;
    // The cap keeps at most one more allowance on top of the next one (R3): the rest is forfeited.
    expect(await previewOf(workspace)).toMatchObject({ kept: 2000, forfeited: unused - 2000, balanceAfter: 4000 });
  });
});
