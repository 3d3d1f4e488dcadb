import { formatCredits } from '@creditkit/sdk';
import { aiUsage } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const aiSummary = column('ai_summary');
const model = aiSummary.ai?.model ?? '';
const budget = 1;

test('an AI run stops at its budget and gives back what it did not spend (R9)', async ({ page, demo, step }) => {
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  // What each row costs, as the API prices its tokens; the run charges rows until the next would pass the budget.
  let spentThousandths = 0;
  let rowsCharged = 0;
  for (const record of records) {
    const { perRow } = await demo.credits.ai.estimates.create({ model, rows: 1, ...aiUsage(aiSummary, record) });
    const next = spentThousandths + Math.round(perRow * 1000);
    if (next > budget * 1000) break;
    spentThousandths = next;
    rowsCharged += 1;
  }
  const spent = spentThousandths / 1000;
  expect(rowsCharged).toBeGreaterThan(0);
  expect(rowsCharged).toBeLessThan(records.length);

  await step(`select every row and give the AI summary run a budget of ${budget} credit`, async () => {
    await workbook.selectAll();
    await page.getByLabel('AI summary run budget (credits)').fill(String(budget));
    await expect(page.getByText('the run stops once the budget is spent')).toBeVisible();
  });

  await step('run AI summary until its budget is spent', async () => {
    await workbook.run(aiSummary, 'blocked');
  });
  await expect(workbook.progress).toContainText(
    `${rowsCharged} of ${records.length} rows done · ${formatCredits(spent, 'en-US')} credits spent · ${formatCredits(budget - spent, 'en-US')} of the budget left`,
  );
  const notice = page.getByRole('alert').filter({ hasText: 'budget' });
  await expect(notice).toContainText('This run has spent its whole budget.');
  await expect(notice).toContainText(
    `Limit ${budget} · spent ${formatCredits(spent, 'en-US')} · ${formatCredits(budget - spent, 'en-US')} left`,
  );
  for (const record of records.slice(rowsCharged)) await expect(workbook.cell(record.id, aiSummary)).toHaveText('—');

  // The run completed: only what the rows cost left the balance, the rest of the budget came back.
  const after = (start * 1000 - spentThousandths) / 1000;
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(after));
  expect((await demo.credits.balance.retrieve()).spendable).toBe(after);
  const usage = await demo.credits.usage.retrieve({ groupBy: 'model' });
  expect(usage.data.find((row) => row.key === model)).toMatchObject({ charges: rowsCharged, net: spent });
});
