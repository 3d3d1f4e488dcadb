import '../styles/styles.css';
import { CreditCostBadge, RunCostSummary } from '@creditkit/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

// Hosts put the badge and the run summary in the headers of wide tables that scroll sideways in a box of their
// own. Text kept for assistive technology only must stay inside that box, or the whole page scrolls sideways.

describe('widgets in a host’s horizontally scrolling table, in Chromium', () => {
  it('keep their hidden descriptions and announcements inside the box: the page does not widen', async () => {
    const { client } = await (await createTestWorkspace()).connect('member');
    const params = { actionId: 'find-work-email', workbookId: 'wb_1', field: 'work_email', recordIds: ['rec_1'] };
    renderWithCredits(
      <div style={{ width: 300, overflowX: 'auto' }}>
        <table style={{ width: 3000 }}>
          <thead>
            <tr>
              <th style={{ width: 2700 }}>Name</th>
              <th>
                <CreditCostBadge actionId="find-work-email" showDetails={false} />
                <RunCostSummary params={params} onRun={() => undefined} runLabel="Run Work email on 1 row" />
              </th>
            </tr>
          </thead>
        </table>
      </div>,
      { client, locale: 'en-US' },
    );
    await screen.findByText('Provider: mailfinder · Data: email');
    await screen.findByRole('button', { name: 'Run Work email on 1 row' });
    const page = document.documentElement;
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  });
});
