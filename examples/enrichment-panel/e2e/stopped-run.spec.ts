import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const mobilePhone = column('mobile_phone');

test('a run stopped midway keeps the rows it sent charged and starts no further row (R16)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  const { credits: cost } = await demo.credits.actions.retrieve(mobilePhone.actionId);

  await step('run Mobile phone on every row', async () => {
    await workbook.selectAll();
    // 240 credits: the summary's confirmation comes first.
    await workbook.startRun(mobilePhone);
    await expect(workbook.progress).toContainText(new RegExp(`[3-9] of ${records.length} rows done`));
  });
  await step('stop it midway: the row in flight finishes', async () => {
    await page.getByRole('button', { name: 'Stop run' }).click();
    await expect(workbook.progress).toContainText('stopped');
  });

  const done = Number(/(\d+) of \d+ rows done/.exec((await workbook.progress.textContent()) ?? '')?.[1]);
  expect(done).toBeLessThan(records.length);
  const sent = records.slice(0, done);
  for (const record of sent) await expect(workbook.cell(record.id, mobilePhone)).not.toHaveText(/—|Not reached/);
  // The rows the stop kept the run from say so, unlike a row never run.
  for (const record of records.slice(done))
    await expect(workbook.cell(record.id, mobilePhone)).toHaveText('Not reached');
  // What the progress reported is what the API recorded: every row sent, and not one more.
  const usage = await demo.credits.usage.retrieve({ groupBy: 'action' });
  const spent = sent.filter((record) => !findsNoData(mobilePhone, record.id)).length * cost;
  expect(usage.data.find((row) => row.key === mobilePhone.actionId)).toMatchObject({ charges: done, net: spent });
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start - spent));
});
