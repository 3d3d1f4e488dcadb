import { CreditBalance, CreditCostBadge, FillRate, RenewalPreview } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../test/support/cost-badge-panel';
import { createRenderCounter } from '../../test/support/render-counter';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

describe('what re-renders when the balance changes', () => {
  it('only the balance readers: the balance and the renewal preview, not a cost badge or the fill rate', async () => {
    const workspace = await createTestWorkspace();
    const { client } = await workspace.connect('member');
    const counter = createRenderCounter();
    const { Counted } = counter;
    renderWithCredits(
      <div className="ck-root">
        <Counted id="balance">
          <CreditBalance />
        </Counted>
        <Counted id="renewal-preview">
          <RenewalPreview />
        </Counted>
        {catalogue.map((actionId) => (
          <Counted key={actionId} id={`badge ${actionId}`}>
            <CreditCostBadge actionId={actionId} />
          </Counted>
        ))}
        <Counted id="fill-rate">
          <FillRate
            audienceSize={10}
            fields={[{ field: 'email', label: 'Work email', filled: 4, actionId: 'find-work-email' }]}
          />
        </Counted>
      </div>,
      { client, locale: 'en-US' },
    );
    const spendable = await screen.findByText('2,000 credits available', {}, { timeout: 10_000 });
    await waitFor(() => expect(document.querySelectorAll('[data-state="loading"]')).toHaveLength(0), {
      timeout: 10_000,
    });
    // Settle: let late commits of the first load pass before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    counter.reset();

    await workspace.charge({ actionId: 'find-mobile-phone' });
    await waitFor(() => expect(spendable).toHaveTextContent('1,990 credits available'), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(Object.keys(counter.rendered()).sort()).toEqual(['balance', 'renewal-preview']);
  });
});
