// Render figures for an enrichment panel, in Chromium against the reference server:
// - how long 1,000 CreditCostBadges take to mount, with their costs not yet known (one request) and known;
// - how many components re-render when the balance changes: only the balance readers should.
// Prints figures (`pnpm --filter @creditkit/react bench`); what re-renders is asserted in
// src/widgets/render-scope.test.tsx, not here.
import { CreditBalance, CreditCostBadge, createCreditStore } from '@creditkit/react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../test/support/cost-badge-panel';
import { createRenderCounter } from '../test/support/render-counter';
import { renderWithCredits } from '../test/support/render-with-credits';
import { createTestWorkspace } from '../test/support/test-workspace';

const badgeCount = 1000;
const badgeActions = Array.from({ length: badgeCount }, (_, index) => catalogue[index % catalogue.length] as string);

function Panel({ counter }: { counter: ReturnType<typeof createRenderCounter> }) {
  const { Counted } = counter;
  return (
    <div className="ck-root">
      <Counted id="balance">
        <CreditBalance />
      </Counted>
      {badgeActions.map((actionId, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the panel never reorders, and an action repeats
        <Counted key={index} id={`badge ${index}`}>
          <CreditCostBadge actionId={actionId} />
        </Counted>
      ))}
    </div>
  );
}

const loadingBadges = () => document.querySelectorAll('.ck-cost-badge[data-state="loading"]').length;

describe('render figures', () => {
  it(`mounts ${badgeCount} cost badges and changes the balance under them`, async () => {
    const workspace = await createTestWorkspace();
    const { client } = await workspace.connect('member');
    const counter = createRenderCounter();
    // One cache for both mounts, as one provider keeps it across a panel closing and opening.
    const store = createCreditStore(client);

    let started = performance.now();
    const view = renderWithCredits(<Panel counter={counter} />, { client, store, locale: 'en-US' });
    const firstCommit = performance.now() - started;
    await waitFor(() => expect(loadingBadges()).toBe(0), { timeout: 30_000 });
    const priced = performance.now() - started;

    view.unmount();
    started = performance.now();
    const warm = renderWithCredits(<Panel counter={counter} />, { client, store, locale: 'en-US' });
    const warmCommit = performance.now() - started;
    expect(loadingBadges()).toBe(0);

    const spendable = await screen.findByText('2,000 credits available');
    await new Promise((resolve) => setTimeout(resolve, 300));
    counter.reset();
    await workspace.charge({ actionId: 'find-mobile-phone' });
    await waitFor(() => expect(spendable).toHaveTextContent('1,990 credits available'), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rerendered = counter.rendered();
    warm.unmount();

    // console.table does not cross from the browser to the terminal; plain lines do.
    const figures: [string, string | number][] = [
      ['first mount, costs unknown: first commit', `${Math.round(firstCommit)} ms`],
      ['first mount, costs unknown: all priced (one request)', `${Math.round(priced)} ms`],
      ['mount again, costs cached: first commit', `${Math.round(warmCommit)} ms`],
      [`components re-rendered by a balance change (of ${badgeCount + 1})`, Object.keys(rerendered).length],
      ['which', Object.keys(rerendered).join(', ')],
    ];
    console.log(
      [
        `${badgeCount} CreditCostBadges and a CreditBalance in Chromium`,
        ...figures.map(([what, value]) => `  ${what}: ${value}`),
      ].join('\n'),
    );
  });
});
