import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

// Evaluated through the browser's devtools channel: a <script> tag would be refused by the demo's CSP.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe violation on the page, by rule and the nodes it flags. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document);
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`);
  });
}

test('every page of the demo, and a blocked run, have no axe violations', async ({ page, step }) => {
  const workbook = workbookPage(page);
  await step('the workbook, priced', async () => {
    await expect(workbook.columnHeader(column('mobile_phone'))).toContainText('10 credits');
    expect(await axeViolations(page)).toEqual([]);
  });
  await step('a run blocked by the workbook limit, with its notice', async () => {
    await page.getByRole('button', { name: 'Workbook credit limit' }).click();
    await workbook.saveLimit(5);
    await workbook.selectAll();
    await workbook.run(column('work_email'), 'blocked');
    expect(await axeViolations(page)).toEqual([]);
  });
  await step('the workbook limit dialog', async () => {
    await page.getByRole('button', { name: 'Raise the limit' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
  await step('the usage page', async () => {
    await page.getByRole('link', { name: 'Credit usage' }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
  await step('the settings page', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Own API keys' })).toBeVisible();
    await expect(page.getByText("This demo's server receives the workspace's events")).toBeVisible();
    await expect(page.getByText('Auto top-up is off.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
  await step('every page in the dark theme', async () => {
    await page.getByLabel('Theme').selectOption('dark');
    for (const link of ['Settings', 'Credit usage', 'Workbook']) {
      await page.getByRole('link', { name: link }).click();
      await expect(page.getByRole('meter')).toBeVisible();
      expect(await axeViolations(page), link).toEqual([]);
    }
  });
});
