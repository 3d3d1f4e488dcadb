import { expect, type Locator, type Page } from '@playwright/test';
import { columns, type EnrichmentColumn, findAudience, findColumn, records } from '../shared/workbook';

export function column(field: string): EnrichmentColumn {
  const found = findColumn(field);
  if (!found) throw new Error(`no column ${field}`);
  return found;
}

function recordName(recordId: string): string {
  const record = records.find((candidate) => candidate.id === recordId);
  if (!record) throw new Error(`no record ${recordId}`);
  return record.name;
}

/** The workbook page as a user sees it: rows to select, columns to run, the run's progress, the limit dialog. */
export function workbookPage(page: Page) {
  const progress = page.getByRole('status').filter({ hasText: 'rows done' });
  const meter = page.getByRole('complementary', { name: 'Credits' }).getByRole('meter');
  const row = (recordId: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: recordName(recordId), exact: true }) });

  return {
    progress,
    meter,
    columnHeader: (of: EnrichmentColumn) => page.getByRole('columnheader').filter({ hasText: of.label }),
    /** A record's value for a column: cells are the checkbox, the company, then the columns in order. */
    cell: (recordId: string, of: EnrichmentColumn): Locator =>
      row(recordId)
        .getByRole('cell')
        .nth(2 + columns.indexOf(of)),

    async selectRows(recordIds: readonly string[]) {
      for (const recordId of recordIds)
        await page.getByRole('checkbox', { name: `Select ${recordName(recordId)}`, exact: true }).check();
    },
    selectAll: () => page.getByRole('checkbox', { name: 'Select all rows' }).check(),
    async chooseAudience(audienceId: string) {
      await page.getByLabel('Audience').selectOption(audienceId);
      const count = findAudience(audienceId)?.recordIds.length ?? 0;
      await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(count);
    },

    /** The column's run cost summary (R23): what a run over the selected rows would charge, before the click. */
    runCost: (of: EnrichmentColumn) =>
      page.getByRole('columnheader').filter({ hasText: of.label }).locator('.ck-run-cost'),

    /**
     * Reads the column's summary once it has quoted the selection, as a user would before clicking Run, clicks
     * Run, and confirms when the run is quoted above the demo's threshold (100 credits). Answers the summary read.
     */
    async startRun(of: EnrichmentColumn): Promise<string> {
      const summary = this.runCost(of);
      await expect(summary).not.toHaveAttribute('data-state', 'loading');
      const read = (await summary.locator('.ck-run-cost__summary').textContent()) ?? '';
      // The widget asks when the quote is above the threshold, or when the cost could not be checked. Read before
      // the click: the open dialog hides the page behind it from role queries.
      const quoted = /up to ([\d,.]+) credits?/.exec(read)?.[1];
      const asks = (await summary.getAttribute('data-state')) === 'error' || Number(quoted?.replace(/,/g, '')) > 100;
      await page.getByRole('button', { name: new RegExp(`^Run ${of.label} on \\d+ selected rows$`) }).click();
      if (asks)
        await page
          .getByRole('dialog', { name: /^Run on \d+ rows?\?$/ })
          .getByRole('button', { name: 'Run' })
          .click();
      return read;
    },

    /** Starts a column on the selected rows and waits until the run finished, stopped or was blocked. */
    async run(of: EnrichmentColumn, until: 'finished' | 'blocked' = 'finished') {
      await this.startRun(of);
      await expect(progress).toContainText(/finished|blocked|stopped/);
      await expect(progress).toContainText(until);
    },

    /** The spendable balance the meter shows. */
    async spendable(): Promise<number> {
      return Number(await meter.getAttribute('aria-valuenow'));
    },

    /** Turns the limit on in the open SpendLimitDialog, saves it and closes the dialog with Done, which has the focus. */
    async saveLimit(limit: number) {
      const dialog = page.getByRole('dialog');
      const enabled = dialog.getByRole('switch', { name: 'Limit credit spend' });
      if ((await enabled.getAttribute('aria-checked')) !== 'true') await enabled.click();
      await dialog.getByLabel('Limit (credits)').fill(String(limit));
      await dialog.getByRole('button', { name: 'Save limit' }).click();
      await expect(dialog.getByText('Limit saved')).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
    },
  };
}
