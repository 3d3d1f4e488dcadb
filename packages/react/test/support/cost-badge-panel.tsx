import { screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { expect } from 'vitest';
import type { BrowserSession } from './clients';
import { renderWithCredits } from './render-with-credits';

/** The reference server's catalogue (packages/server/src/catalogue/actions.ts): 11 actions. */
export const catalogue = [
  'lookup-company-domain',
  'find-work-email',
  'verify-email',
  'find-linkedin-url',
  'enrich-person',
  'enrich-company',
  'find-phone-number',
  'find-mobile-phone',
  'ai-write-gpt-mini',
  'ai-write-gpt-large',
  'ai-write-claude-haiku',
];

/** `count` distinct action ids: the catalogue's, then retired ones the server does not know. */
export const distinctActionIds = (count: number) => [
  ...catalogue,
  ...Array.from({ length: count - catalogue.length }, (_, index) => `retired-action-${index}`),
];

/** A badge: one root element whose `data-state` says where its cost stands. */
export type Badge = ComponentType<{ actionId: string }>;

function Panel({ badge: CostBadge, actionIds, shown }: { badge: Badge; actionIds: string[]; shown: boolean }) {
  if (!shown) return <p>panel closed</p>;
  return (
    <div data-testid="panel">
      {actionIds.map((actionId, index) => (
        // The same id may appear several times, as the same action does in several columns.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
        <CostBadge key={index} actionId={actionId} />
      ))}
    </div>
  );
}

/** How many of the panel's badges are in each `data-state`. */
const statesIn = () => {
  const counts: Record<string, number> = {};
  for (const badge of screen.getByTestId('panel').children) {
    const state = badge instanceof HTMLElement ? (badge.dataset.state ?? 'none') : 'none';
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
};

/** The session's requests for action costs, in order. */
export const actionRequests = (session: BrowserSession) =>
  session.requests.filter((request) => request.startsWith('/v1/actions'));

/**
 * Mounts a panel of `badge`s, one per id, waits until none is loading, then closes and reopens it: the badges'
 * states each time, and the action-cost requests either took.
 */
export async function mountAndRemount(session: BrowserSession, badge: Badge, actionIds: string[]) {
  const view = renderWithCredits(<Panel badge={badge} actionIds={actionIds} shown />, { client: session.client });
  await waitFor(() => expect(statesIn().loading).toBeUndefined(), { timeout: 10_000 });
  const first = statesIn();
  const requestsToMount = actionRequests(session).length;

  view.rerender(<Panel badge={badge} actionIds={actionIds} shown={false} />);
  await screen.findByText('panel closed');
  view.rerender(<Panel badge={badge} actionIds={actionIds} shown />);
  const remounted = statesIn();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { first, remounted, requestsToMount, requestsToRemount: actionRequests(session).length - requestsToMount };
}
