import { findsNoData } from '../server/provider';
import { records, workbookId } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const workEmail = column('work_email');
const mobilePhone = column('mobile_phone');

/** The numbers of a summary the page showed: "Run on 12 rows · up to 5 credits · … stops after 8 rows: …". */
function quoted(summary: string) {
  const number = (pattern: RegExp) => Number(pattern.exec(summary)?.[1]?.replace(/,/g, '') ?? Number.NaN);
  return {
    rows: number(/Run on ([\d,]+) rows?/),
    credits: number(/up to ([\d,.]+) credits?/),
    stopsAfter: number(/stops after ([\d,]+) rows?/),
  };
}

test('the cost shown before a run is what the run charges, and it stops where the summary said (R23, R11, R13)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const summary = workbook.runCost(workEmail);
  // Rows the provider finds data for: none is refunded, so what is charged stays charged (R15).
  const found = records.filter((record) => !findsNoData(workEmail, record.id)).map((record) => record.id);

  await step('nothing selected: the summary says so and Run is disabled', async () => {
    await expect(summary).toHaveAttribute('data-state', 'idle');
    await expect(summary).toContainText('Select rows to see what a run costs.');
    await expect(page.getByRole('button', { name: `Run ${workEmail.label} on 0 selected rows` })).toBeDisabled();
  });

  await step('pay for three rows, and limit the workbook to 5 credits more', async () => {
    await workbook.selectRows(found.slice(0, 3));
    await workbook.run(workEmail);
    await page.getByRole('button', { name: 'Workbook credit limit' }).click();
    await workbook.saveLimit(8);
  });

  let read = '';
  await step(
    'select nine rows more: the summary quotes twelve, three already paid, stopping at the limit',
    async () => {
      await workbook.selectRows(found.slice(3, 12));
      await expect(summary).toHaveAttribute('data-state', 'stops-early');
      read = (await summary.locator('.ck-run-cost__summary').textContent()) ?? '';
      expect(read).toBe('Run on 12 rows · up to 5 credits · 3 already paid · stops after 8 rows: workbook limit');
      await summary.getByText('Limit details').click();
      await expect(summary).toContainText('Limit 8 · spent 8 · 0 left');
    },
  );
  const before = quoted(read);
  const balanceAfter = Number(
    /Balance after: ([\d,.]+)/
      .exec((await summary.locator('.ck-run-cost__balance').textContent()) ?? '')?.[1]
      ?.replace(/,/g, ''),
  );

  await step('run it: it charges what the summary said, and stops where it said', async () => {
    await workbook.run(workEmail, 'blocked');
  });
  await expect(workbook.progress).toContainText(
    `${before.stopsAfter} of ${before.rows} rows done · ${before.credits} credits spent`,
  );
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(balanceAfter));
  expect(await demo.credits.spendLimits.retrieve({ workbookId })).toMatchObject({ limit: 8, spent: 8, remaining: 0 });
});

test('a run quoted above 100 credits asks first: Escape runs nothing, Run runs what was quoted (R23)', async ({
  page,
  step,
}) => {
  const workbook = workbookPage(page);
  const summary = workbook.runCost(mobilePhone);
  const found = records.filter((record) => !findsNoData(mobilePhone, record.id)).map((record) => record.id);
  const run = page.getByRole('button', { name: `Run ${mobilePhone.label} on 11 selected rows` });

  await step('select eleven rows: 110 credits', async () => {
    await workbook.selectRows(found.slice(0, 11));
    await expect(summary).toHaveAttribute('data-state', 'quoted');
    await expect(summary.locator('.ck-run-cost__summary')).toHaveText('Run on 11 rows · up to 110 credits');
  });
  const balanceAfter = Number(
    /Balance after: ([\d,.]+)/
      .exec((await summary.locator('.ck-run-cost__balance').textContent()) ?? '')?.[1]
      ?.replace(/,/g, ''),
  );

  const dialog = page.getByRole('dialog', { name: 'Run on 11 rows?' });
  await step('Run asks for confirmation; Escape closes it and runs nothing', async () => {
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText('This run charges up to 110 credits.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(run).toBeFocused();
    await expect(workbook.progress).toHaveCount(0);
  });

  await step('confirm: the run charges the 110 credits quoted', async () => {
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await expect(workbook.progress).toContainText('finished');
  });
  await expect(workbook.progress).toContainText('11 of 11 rows done · 110 credits spent');
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(balanceAfter));
  // The quote follows the workspace's events: every row is paid now (R13).
  await expect(summary.locator('.ck-run-cost__summary')).toHaveText('Run on 11 rows · all already paid');
});
