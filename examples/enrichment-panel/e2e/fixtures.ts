import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CreditClient, createCreditClient } from '@creditkit/sdk';
import { test as base, expect } from '@playwright/test';
import { startNode } from './processes';

const serverCli = join(
  dirname(createRequire(import.meta.url).resolve('@creditkit/server/package.json')),
  'dist/cli.js',
);
const demoMain = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));

interface Demo {
  url: string;
  /** The demo workspace seen from the host's side (its secret key), to check what the API recorded. */
  credits: CreditClient;
}

interface Fixtures {
  demo: Demo;
  /** Runs one step of the story, then keeps a full-page screenshot of where it left the page. */
  step: (title: string, body: () => Promise<void>) => Promise<void>;
}

export const test = base.extend<Fixtures, { creditApiUrl: string }>({
  // One reference Credit API per worker, in memory, in dev mode so each test can have its own workspace.
  creditApiUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this parameter
    async ({}, use) => {
      const api = await startNode([serverCli, '--dev', '--memory', '--port', '0'], /listening on (http\S+)/);
      await use(api.ready[1] as string);
      await api.stop();
    },
    { scope: 'worker' },
  ],

  // A demo host on an empty data folder asks the dev route for a fresh workspace: every test starts at a
  // full pro-monthly balance with no limits, keys or charges.
  demo: async ({ creditApiUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-e2e-'));
    const host = await startNode(
      [demoMain, '--api', creditApiUrl, '--data', dataDir, '--port', '0'],
      /enrichment panel on (http\S+) /,
    );
    const { secretKey } = JSON.parse(readFileSync(join(dataDir, 'enrichment-panel-workspace.json'), 'utf8')) as {
      secretKey: string;
    };
    await use({
      url: host.ready[1] as string,
      credits: createCreditClient({ baseUrl: creditApiUrl, apiKey: secretKey }),
    });
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },

  // The workbook, loaded and priced. An uncaught error in the page, or anything the demo's strict
  // Content-Security-Policy refused (an inline style a widget injects, say), fails the test.
  page: async ({ page, demo }, use) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
    });
    await page.goto(demo.url);
    await expect(page.getByRole('heading', { name: 'People workbook' })).toBeVisible();
    await expect(page.getByRole('meter')).toBeVisible();
    await use(page);
    expect(pageErrors, 'uncaught errors and CSP violations in the page').toEqual([]);
  },

  step: async ({ page }, use, testInfo) => {
    let count = 0;
    await use(async (title, body) => {
      await test.step(title, body);
      count += 1;
      const name = `${String(count).padStart(2, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`;
      const path = testInfo.outputPath(name);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(title, { path, contentType: 'image/png' });
    });
  },
});

export { expect };
