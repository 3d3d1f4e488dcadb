import { findsNoData } from '../server/provider';
import { records, workbookId } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const workEmail = column('work_email');

test('a workbook limit of 10 credits blocks a run, the notice names it, and raising it lets the run go on (R11)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  const { credits: cost } = await demo.credits.actions.retrieve(workEmail.actionId);
  const found = records.filter((record) => !findsNoData(workEmail, record.id));
  // Rows charge in order; a "no data" row is refunded before the next one, so only found rows count (R15).
  const foundBeforeBlock = Math.floor(10 / cost);
  const refused = found[foundBeforeBlock];
  if (!refused) throw new Error('10 credits of Work email must run out before the last row');
  const blockedAt = records.indexOf(refused);

  await step('set a workbook limit of 10 credits in the dialog', async () => {
    await page.getByRole('button', { name: 'Workbook credit limit' }).click();
    await workbook.saveLimit(10);
  });
  expect(await demo.credits.spendLimits.retrieve({ workbookId })).toMatchObject({ enabled: true, limit: 10, spent: 0 });

  await step('run Work email on every row until the limit blocks it', async () => {
    await workbook.selectAll();
    await workbook.run(workEmail, 'blocked');
  });
  const notice = page.getByRole('alert').filter({ hasText: 'credit limit' });
  await expect(notice).toContainText('This workbook has reached its credit limit.');
  await expect(notice).toContainText(`Limit 10 · spent ${foundBeforeBlock * cost} · 0 left`);
  await expect(workbook.progress).toContainText(`${blockedAt} of ${records.length} rows done`);
  // The refused row and every row after it were not charged, and say so: not reached, unlike a row never run.
  for (const record of records.slice(blockedAt))
    await expect(workbook.cell(record.id, workEmail)).toHaveText('Not reached');
  expect(await demo.credits.spendLimits.retrieve({ workbookId })).toMatchObject({ spent: 10, remaining: 0 });
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start - 10));

  await step('raise the limit to 30 from the notice: the notice clears at once', async () => {
    await page.getByRole('button', { name: 'Raise the limit' }).click();
    await workbook.saveLimit(30);
    await expect(notice).toHaveCount(0);
  });
  expect(await demo.credits.spendLimits.retrieve({ workbookId })).toMatchObject({ limit: 30, spent: 10 });

  await step('run the column again: rows already paid for are not charged twice, the rest are', async () => {
    await workbook.run(workEmail, 'finished');
  });
  await expect(notice).toHaveCount(0);
  const spent = found.length * cost;
  const paidEarlier = found.slice(0, foundBeforeBlock);
  await expect(workbook.progress).toContainText(
    `${records.length} of ${records.length} rows done · ${spent - paidEarlier.length * cost} credits spent`,
  );
  await expect(workbook.progress).toContainText(` · ${paidEarlier.length} already paid`);
  for (const record of paidEarlier) await expect(workbook.cell(record.id, workEmail)).toContainText('already paid');
  expect(await demo.credits.spendLimits.retrieve({ workbookId })).toMatchObject({ limit: 30, spent });
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start - spent));
});
