import { CreditBalance, CreditCostBadge, FillRate, RenewalPreview } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../test/support/clients';
import { catalogue } from '../../test/support/cost-badge-panel';
import { createRenderCounter } from '../../test/support/render-counter';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

/**
 * Waits until the page has settled: every request it sent answered, its event stream open (a charge made
 * before that would never reach it) and no commit since the previous look. A fixed pause would end too
 * early on a loaded machine and count the first load's late commits as re-renders.
 */
async function settled(session: BrowserSession, counter: ReturnType<typeof createRenderCounter>): Promise<void> {
  let seen = '';
  await waitFor(() => {
    const commits = JSON.stringify(counter.rendered());
    const quiet = commits === seen;
    seen = commits;
    expect(session.answered).toContain('/v1/events');
    expect(session.answered).toHaveLength(session.requests.length);
    expect(quiet).toBe(true);
  });
}

describe('what re-renders when the balance changes', () => {
  it('only the balance readers: the balance and the renewal preview, not a cost badge or the fill rate', async () => {
    const workspace = await createTestWorkspace();
    const member = await workspace.connect('member');
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
      { client: member.client, locale: 'en-US' },
    );
    const spendable = await screen.findByText('2,000 credits available');
    await waitFor(() => expect(document.querySelectorAll('[data-state="loading"]')).toHaveLength(0));
    await settled(member, counter);
    counter.reset();

    await workspace.charge({ actionId: 'find-mobile-phone' });
    await waitFor(() => expect(spendable).toHaveTextContent('1,990 credits available'));
    await settled(member, counter);

    expect(Object.keys(counter.rendered()).sort()).toEqual(['balance', 'renewal-preview']);
  });
});
