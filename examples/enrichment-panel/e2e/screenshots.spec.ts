import { fileURLToPath } from 'node:url';
import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

/** Where a designer finds every page of the demo, in each variant, after `pnpm test`: the repository's artifacts. */
const screenshots = fileURLToPath(new URL('../../../artifacts/screenshots/demo/', import.meta.url));

const variants = [
  { name: 'light', query: '', settingsHeading: 'Credit alerts' },
  { name: 'dark', query: '?theme=dark', settingsHeading: 'Credit alerts' },
  { name: 'de-DE', query: '?locale=de-DE', settingsHeading: 'Credit-Warnungen' },
  { name: 'ja-JP', query: '?locale=ja-JP', settingsHeading: 'クレジットアラート' },
];
const pages = [
  { name: 'workbook', path: '/' },
  { name: 'usage', path: '/usage' },
  { name: 'settings', path: '/settings' },
];

test('every page of the demo, light, dark, in German and in Japanese, kept as screenshots for review', async ({
  page,
  demo,
}) => {
  // Something to show: a finished run, with its charges in the usage page.
  const workEmail = column('work_email');
  const workbook = workbookPage(page);
  await workbook.selectRows(
    records
      .filter((record) => !findsNoData(workEmail, record.id))
      .slice(0, 6)
      .map((record) => record.id),
  );
  await workbook.run(workEmail);

  for (const variant of variants) {
    for (const { name, path } of pages) {
      await page.goto(`${demo.url}${path}${variant.query}`);
      await expect(page.getByRole('meter')).toBeVisible();
      if (name === 'usage') await expect(page.locator('.ck-usage')).toHaveAttribute('data-state', 'ready');
      if (name === 'settings') {
        // The widgets speak the variant's language.
        await expect(page.getByRole('heading', { name: variant.settingsHeading })).toBeVisible();
      }
      await page.screenshot({ path: `${screenshots}${name}--${variant.name}.png`, fullPage: true });
    }
  }
});
