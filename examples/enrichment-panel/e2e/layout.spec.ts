import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const pages = [
  { link: 'Workbook', heading: 'People workbook' },
  { link: 'Credit usage', heading: 'Usage' },
  { link: 'Settings', heading: 'Settings' },
];

test('every page fits a 390 px wide phone: the page itself never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const { link, heading } of pages) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('meter')).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `${link}: the page's width`).toBeLessThanOrEqual(clientWidth);
  }
});

test("the workbook's columns keep their widths while a run fills them, and long values break between words", async ({
  page,
}) => {
  const workbook = workbookPage(page);
  const workEmail = column('work_email');
  const widths = () =>
    page
      .getByRole('columnheader')
      .evaluateAll((headers) => headers.map((header) => header.getBoundingClientRect().width));
  const before = await widths();
  const rows = records.filter((record) => !findsNoData(workEmail, record.id)).slice(0, 4);
  await workbook.selectRows(rows.map((record) => record.id));
  await workbook.run(workEmail);
  expect(await widths()).toEqual(before);
  // An address wraps at its @ or a dot, never inside a word.
  const first = rows[0];
  if (!first) throw new Error('no record with an email');
  const cell = workbook.cell(first.id, workEmail);
  await expect(cell).toContainText('@');
  expect(await cell.locator('wbr').count()).toBeGreaterThan(0);
});

test("the demo's own CSS leaves the widgets' figures right-aligned", async ({ page }) => {
  const workbook = workbookPage(page);
  await workbook.selectRows([records[1]?.id ?? '']);
  await workbook.run(column('linkedin_url'));
  await page.getByRole('link', { name: 'Credit usage' }).click();
  const figure = page.locator('.ck-usage-table tbody td').first();
  await expect(figure).toBeVisible();
  expect(await figure.evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('end');
});

test('buying credits shows the price and asks first: Cancel buys nothing, confirming buys the pack (R17)', async ({
  page,
  demo,
  step,
}) => {
  const dialog = page.getByRole('dialog', { name: 'Buy 5,000 credits for $45.00?' });
  await step('the packs show their prices; Buy opens a confirmation with the focus on Cancel', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('radio', { name: '5,000 credits $45.00' })).toBeChecked();
    await page.getByRole('button', { name: 'Buy 5,000 credits…' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  });
  await step('Escape cancels: nothing bought, the focus back on Buy', async () => {
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Buy 5,000 credits…' })).toBeFocused();
    expect((await demo.credits.balance.retrieve()).bySource.purchased).toBe(0);
  });
  await step('a smaller pack, confirmed with the keyboard, is bought once', async () => {
    await page.getByRole('radio', { name: '1,000 credits $10.00' }).check();
    await page.getByRole('button', { name: 'Buy 1,000 credits…' }).click();
    const smaller = page.getByRole('dialog', { name: 'Buy 1,000 credits for $10.00?' });
    await page.keyboard.press('Tab');
    await expect(smaller.getByRole('button', { name: 'Buy for $10.00' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Bought 1,000 credits for $10.00; they never expire.')).toBeVisible();
    await expect(smaller).toBeHidden();
  });
  expect((await demo.credits.balance.retrieve()).bySource.purchased).toBe(1000);
});
