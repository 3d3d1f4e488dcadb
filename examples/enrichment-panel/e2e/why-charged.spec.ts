import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const workEmail = column('work_email');

test('the usage page says why credits went: a run with its refunds, then an Auto-Update refresh charged again (R24)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const rows = records.slice(0, 8);
  const empty = rows.filter((record) => findsNoData(workEmail, record.id)).length;
  const found = rows.length - empty;
  const { credits: cost } = await demo.credits.actions.retrieve(workEmail.actionId);

  await step(`run Work email on ${rows.length} rows; the provider has nothing for ${empty}`, async () => {
    await workbook.selectRows(rows.map((record) => record.id));
    await workbook.run(workEmail);
  });
  const activity = page.getByRole('region', { name: 'Why credits were charged' });
  const lines = activity.locator('.ck-activity-line');
  const refunds = empty ? ` (${empty} refunded: provider returned nothing)` : '';
  const firstRun = `Find work email on ${rows.length} rows in People workbook: ${found * cost} credits${refunds}`;

  await step('the usage page explains the run, its refunds netted', async () => {
    await page.getByRole('link', { name: 'Credit usage' }).click();
    await expect(lines).toHaveText([firstRun]);
  });
  await step('Auto-Update refreshes the values found: charged again, and explained', async () => {
    await page.getByLabel('Column').selectOption(workEmail.field);
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByText(`Auto-Update refreshed ${found} of ${found} values.`)).toBeVisible();
    await expect(lines).toHaveText([
      `Auto-Update refreshed ${found} records in People workbook with Find work email: ${found * cost} credits`,
      firstRun,
    ]);
  });
  await step('filtered to Auto-Update, politely announced', async () => {
    await activity.getByLabel('Trigger').selectOption('auto_update');
    await expect(activity.getByRole('status')).toHaveText('1 line for Last 30 days, All workbooks, Auto-Update');
    await expect(lines).toHaveCount(1);
  });
  // What the page said is what the API recorded.
  const usage = await demo.credits.usage.retrieve({ groupBy: 'trigger' });
  expect(usage.data).toEqual([
    { key: 'auto_update', charges: found, charged: found * cost, refunded: 0, net: found * cost },
    { key: 'run', charges: rows.length, charged: rows.length * cost, refunded: empty * cost, net: found * cost },
  ]);
});
