import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../test/chromium';
import { waitTimeoutMs } from '../test/timeouts';

/**
 * The built playground (`playground-dist/`, made by the `build-playground` task before the tests), served as
 * the static files it is, in Debian's Chromium: a user's way through it, with the balance checked at each step
 * and axe on the page.
 */

const site = fileURLToPath(new URL('../playground-dist/', import.meta.url));
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  // WebAssembly.instantiateStreaming needs its own type.
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
};
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    try {
      const file = join(site, path === '' ? 'index.html' : path);
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage();
  page.setDefaultTimeout(waitTimeoutMs);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const opened = performance.now();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await balance('2,000').waitFor();
  // A figure for the report, never asserted: from opening the page to the first balance from its API.
  console.info(`playground: first balance shown ${Math.round(performance.now() - opened)} ms after opening the page`);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Every axe violation on the page, by rule and the nodes it flags. */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document);
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`);
  });
}

// The balance headline as assistive technology reads it: the exact sentence (the figure on screen may be short).
const balance = (credits: string) =>
  page.locator('.ck-balance__spendable .ck-visually-hidden').getByText(`${credits} credits available`, { exact: true });
const chargeButton = () => page.getByRole('button', { name: 'Charge a mobile number' });

it('charges, is refused by the workbook limit, raises it, charges, refunds and renews, with the balance each time', async () => {
  await balance('2,000').waitFor();
  await page.getByRole('group', { name: 'Find mobile phone number: 10 credits' }).waitFor();

  await chargeButton().click();
  await balance('1,990').waitFor();
  await chargeButton().click();
  await balance('1,980').waitFor();

  // The third 10-credit charge would pass the workbook's 25-credit limit (R11): refused, nothing taken.
  await chargeButton().click();
  const notice = page.getByRole('alert').filter({ hasText: 'This workbook has reached its credit limit.' });
  await expect(notice.textContent()).resolves.toContain('Limit 25 · spent 20 · 5 left');
  await balance('1,980').waitFor();
  expect(await axeViolations()).toEqual([]);

  // The admin raises it from the notice, in the spend-limit dialog.
  await page.getByRole('button', { name: 'Raise the limit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Workbook credit limit' });
  const limit = dialog.getByRole('textbox', { name: 'Limit (credits)' });
  await limit.fill('100');
  await dialog.getByRole('button', { name: 'Save limit' }).click();
  await dialog.getByText('Limit saved').waitFor();
  await dialog.getByText('80 credits remaining').waitFor();
  expect(await axeViolations()).toEqual([]);
  await page.keyboard.press('Escape');

  await chargeButton().click();
  await balance('1,970').waitFor();

  // R15: the refund gives the credits back.
  await page.getByRole('button', { name: 'Refund the last charge' }).click();
  await balance('1,980').waitFor();

  // R3: the renewal keeps the unused 1,980 (under the 4,000 cap) and adds the new 2,000.
  await page.getByRole('button', { name: 'Renew: move to the end of the period' }).click();
  await balance('3,980').waitFor();
  expect(await axeViolations()).toEqual([]);
});
