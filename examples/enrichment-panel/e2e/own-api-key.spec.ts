import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const mobilePhone = column('mobile_phone');
const workEmail = column('work_email');

test('with its own Phonebook key, the mobile phone column turns free and its charges cost 0 (R10)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  const rows = records.filter((record) => !findsNoData(mobilePhone, record.id)).slice(0, 3);
  // A row the provider has nothing for: its own-key charge cost 0, so nothing is refunded.
  const noData = records.find((record) => findsNoData(mobilePhone, record.id));
  if (!noData) throw new Error('the simulated provider has a record without a mobile phone');
  await expect(workbook.columnHeader(mobilePhone)).toContainText('10 credits');

  await step('set an own API key for Phonebook in the settings', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Phonebook' });
    await page.getByRole('textbox', { name: 'API key' }).fill('pb_live_demo_7781');
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText('Saved: Phonebook uses your key ending in 7781')).toBeVisible();
  });
  const integrations = await demo.credits.integrations.list();
  expect(integrations.data.find((integration) => integration.provider === 'phonebook')).toMatchObject({
    ownKey: true,
    keyLast4: '7781',
  });

  await step('the Mobile phone badge is free, the other providers still cost credits', async () => {
    await page.getByRole('link', { name: 'Workbook' }).click();
    await expect(workbook.columnHeader(mobilePhone)).toContainText('Free · own key');
    await expect(workbook.columnHeader(workEmail)).toContainText('1 credit');
  });

  await step('run Mobile phone on four rows, one without data: charged at 0 credits, none refunded', async () => {
    await workbook.selectRows([...rows, noData].map((record) => record.id));
    await workbook.run(mobilePhone);
  });
  await expect(workbook.progress).toContainText('4 of 4 rows done · 0 credits spent · 1 no data · finished');
  await expect(workbook.progress).not.toContainText('refunded');
  for (const record of rows) await expect(workbook.cell(record.id, mobilePhone)).toContainText('own key');
  await expect(workbook.cell(noData.id, mobilePhone)).toHaveText('No data · own key');
  // Recorded, so the usage view is complete, but at 0 credits: the balance did not move.
  const usage = await demo.credits.usage.retrieve({ groupBy: 'action' });
  expect(usage.data.find((row) => row.key === mobilePhone.actionId)).toMatchObject({ charges: 4, net: 0 });
  expect((await demo.credits.balance.retrieve()).spendable).toBe(start);
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start));
});
