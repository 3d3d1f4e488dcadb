import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; the flags keep it quiet and offline in CI.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The seeds' stories as user flows: each test gets a fresh workspace on a real reference server and its own
 * demo host, and keeps a screenshot of every step in `test-results/` (the HTML report in `e2e-report/`
 * shows them in order).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  preserveOutput: 'always',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: 'e2e-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 1440, height: 1000 },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
  },
});
