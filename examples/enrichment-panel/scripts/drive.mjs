#!/usr/bin/env node
// Drives the running demo in Chromium (`pnpm start` first): selects rows, runs columns, stops a run,
// and saves screenshots. Usage: node scripts/drive.mjs [url] [screenshot folder]
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:5180';
const out = process.argv[3] ?? '/tmp';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('console', (message) => message.type() === 'error' && console.log('console error:', message.text()));
page.on('pageerror', (error) => console.log('page error:', error.message));

await page.goto(url);
await page.getByRole('heading', { name: 'People workbook' }).waitFor();
await page.getByText('credits', { exact: false }).first().waitFor();

const status = page.getByRole('status').filter({ hasText: 'rows done' });
const log = async (what) => console.log(`${what}: ${(await status.textContent()) ?? ''}`);

// A lookup column over four rows.
for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'])
  await page.getByRole('checkbox', { name: `Select ${name}` }).check();
await page.getByRole('button', { name: /^Run Work email on 4/ }).click();
await status.getByText(/finished|blocked/).waitFor({ timeout: 20_000 });
await log('work email');

// A long run stopped midway.
await page.getByRole('checkbox', { name: 'Select all rows' }).check();
await page.getByRole('button', { name: /^Run Mobile phone on 10/ }).click();
await status.getByText(/[2-9] of 10 rows done/).waitFor({ timeout: 20_000 });
await page.getByRole('button', { name: 'Stop run' }).click();
await status.getByText('stopped').waitFor({ timeout: 20_000 });
await log('mobile phone, stopped');

// The AI column with its run budget.
await page.getByRole('button', { name: /^Run AI summary on 10/ }).click();
await status.getByText(/finished|blocked/).waitFor({ timeout: 30_000 });
await log('AI summary');
await page.screenshot({ path: `${out}/demo.png`, fullPage: true });

await page.getByRole('link', { name: 'Credit usage' }).click();
await page.getByRole('heading', { name: 'Credit usage' }).waitFor();
await page.waitForTimeout(1_000);
await page.screenshot({ path: `${out}/demo-usage.png`, fullPage: true });

await page.getByRole('link', { name: 'Settings' }).click();
await page.getByRole('heading', { name: 'Own API keys' }).waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/demo-settings.png`, fullPage: true });

// A workbook limit below what is spent: the next run is refused and the kit's notice explains it.
await page.getByRole('link', { name: 'Workbook' }).click();
await page.getByRole('button', { name: 'Workbook credit limit' }).click();
const dialog = page.getByRole('dialog');
const toggle = dialog.getByRole('switch', { name: 'Limit credit spend' });
if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
await dialog.getByLabel('Limit (credits)').fill('1');
await dialog.getByRole('button', { name: 'Save limit' }).click();
await dialog.getByRole('button', { name: 'Save anyway' }).click();
await dialog.getByText('Limit saved').waitFor();
await page.keyboard.press('Escape');
await dialog.waitFor({ state: 'hidden' });
await page.getByRole('checkbox', { name: 'Select all rows' }).check();
await page.getByRole('button', { name: /^Run LinkedIn URL on 10/ }).click();
await status.getByText('blocked').waitFor({ timeout: 20_000 });
await log('LinkedIn URL over the limit');
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/demo-limit.png`, fullPage: true });

// Turn the limit off again, so the next drive starts from the same place.
await page.getByRole('button', { name: 'Workbook credit limit' }).click();
await dialog.getByRole('switch', { name: 'Limit credit spend' }).click();
await dialog.getByRole('button', { name: 'Save limit' }).click();
await dialog.getByText('Limit saved').waitFor();
await page.keyboard.press('Escape');
await browser.close();
