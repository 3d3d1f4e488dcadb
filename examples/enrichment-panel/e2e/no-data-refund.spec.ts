import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const mobilePhone = column('mobile_phone');

test('a "no data" result is refunded and the balance comes back (R15)', async ({ page, demo, step }) => {
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  const { credits: cost } = await demo.credits.actions.retrieve(mobilePhone.actionId);
  const record = records.find((candidate) => findsNoData(mobilePhone, candidate.id));
  if (!record) throw new Error('the simulated provider has a record without a mobile phone');
  // Every value the meter shows from here on, as the page renders it.
  await workbook.meter.evaluate((meter) => {
    const seen: string[] = [];
    Object.assign(window, { meterValues: seen });
    new MutationObserver(() => seen.push(meter.getAttribute('aria-valuenow') ?? '')).observe(meter, {
      attributeFilter: ['aria-valuenow'],
    });
  });

  await step(`run Mobile phone on ${record.name}, for whom the provider has nothing`, async () => {
    await workbook.selectRows([record.id]);
    await workbook.run(mobilePhone);
  });
  await expect(workbook.progress).toContainText('1 of 1 rows done · 0 credits spent · 1 refunded (no data)');
  await expect(workbook.cell(record.id, mobilePhone)).toHaveText('No data · refunded');

  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start));
  // The charge took the credits and the refund gave them back: the meter went down, then up again.
  expect(await page.evaluate(() => (window as unknown as { meterValues: string[] }).meterValues)).toEqual([
    String(start - cost),
    String(start),
  ]);
  const ledger = await demo.credits.ledger.list({ limit: 10 });
  const [refund, charge] = ledger.data;
  expect(charge).toMatchObject({ type: 'charge', credits: -cost, balanceAfter: start - cost });
  expect(refund).toMatchObject({ type: 'refund', credits: cost, reason: 'no_data', chargeId: charge?.chargeId });
});
