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

  const budgetField = page.getByLabel('AI summary run budget (credits)');
  const runAi = page.getByRole('button', { name: /^Run AI summary on \d+ selected rows$/ });
  await step('select every row: a budget of 0, or text that is no number, leaves Run disabled', async () => {
    await workbook.selectAll();
    await expect(runAi).toBeEnabled();
    await budgetField.fill('0');
    await expect(page.getByText('A run budget must be more than 0 credits.')).toBeVisible();
    await expect(runAi).toBeDisabled();
    await budgetField.fill('1');
    await expect(runAi).toBeEnabled();
    await budgetField.pressSequentially('abc');
    await expect(page.getByText('Enter a number of credits.')).toBeVisible();
    await expect(runAi).toBeDisabled();
  });

  await step(`give the AI summary run a budget of ${budget} credit`, async () => {
    await budgetField.fill(String(budget));
    await expect(page.getByText('the run stops once the budget is spent')).toBeVisible();
  });

  await step('run AI summary until its budget is spent', async () => {
    await workbook.run(aiSummary, 'blocked');
  });
  await expect(workbook.progress).toContainText(
    `${rowsCharged} of ${records.length} rows done · ${formatCredits(spent, 'en-US')} credits spent · ${formatCredits(budget - spent, 'en-US')} of the budget left`,
  );
  const notice = page.getByRole('alert').filter({ hasText: 'budget' });
  await expect(notice).toContainText(`This run used its ${budget}-credit budget.`);
  await expect(notice).toContainText(
    `${formatCredits(spent, 'en-US')} credits spent · ${formatCredits(budget - spent, 'en-US')} credits left, not enough for the next row.`,
  );
  // The rows the run never reached say so, unlike the rows of a column never run.
  for (const record of records.slice(rowsCharged))
    await expect(workbook.cell(record.id, aiSummary)).toHaveText('Not reached');
  await expect(workbook.cell(records[0]?.id ?? '', column('mobile_phone'))).toHaveText('—');

  // The run completed: only what the rows cost left the balance, the rest of the budget came back.
  const after = (start * 1000 - spentThousandths) / 1000;
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(after));
  expect((await demo.credits.balance.retrieve()).spendable).toBe(after);
  const usage = await demo.credits.usage.retrieve({ groupBy: 'model' });
  expect(usage.data.find((row) => row.key === model)).toMatchObject({ charges: rowsCharged, net: spent });

  // The rest, priced at the API's estimate for a typical row, with a quarter more for rows longer than typical.
  const rest = records.slice(rowsCharged);
  const { total } = await demo.credits.ai.estimates.create({
    model,
    rows: rest.length,
    inputTokens: aiSummary.ai?.inputTokens ?? 0,
    outputTokens: aiSummary.ai?.outputTokens ?? 0,
  });
  const biggerBudget = Math.ceil(total * 1.25);
  await step('continue with a bigger budget: a new run for the rows not yet done', async () => {
    await page.getByRole('button', { name: 'Continue with a bigger budget' }).click();
    await expect(workbook.progress).toContainText(/finished|blocked|stopped/);
    await expect(workbook.progress).toContainText('finished');
  });
  await expect(budgetField).toHaveValue(String(biggerBudget));
  await expect(workbook.progress).toContainText(`AI summary: ${rest.length} of ${rest.length} rows done`);
  await expect(notice).toHaveCount(0);
  for (const record of records) await expect(workbook.cell(record.id, aiSummary)).toContainText(record.company);
  const after2 = await demo.credits.usage.retrieve({ groupBy: 'model' });
  expect(after2.data.find((row) => row.key === model)).toMatchObject({ charges: records.length });
});
