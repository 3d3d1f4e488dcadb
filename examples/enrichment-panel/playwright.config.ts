import { defineConfig } from '@playwright/test';
import { testTimeoutMs, waitTimeoutMs } from './e2e/timeouts';

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
 * The demo's stories as user flows: each test gets a fresh workspace on a real reference server and its own
 * demo host, and keeps a screenshot of every step in `test-results/` (the HTML report in `e2e-report/`
 * shows them in order).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  preserveOutput: 'always',
  fullyParallel: true,
  forbidOnly: true,
  // One worker: a worker is a reference API, a demo host per test and a Chromium, which keep a 2-core runner
  // busy on their own; two at once starved each other on a loaded runner.
  workers: 1,
  // Sized for a loaded 2-core CI runner (see e2e/timeouts.ts); a test or expectation never sets its own.
  timeout: testTimeoutMs,
  expect: { timeout: waitTimeoutMs },
  reporter: [['list'], ['html', { outputFolder: 'e2e-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    // Starting Chromium on a loaded runner can outlast Playwright's 30 s default.
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs, timeout: waitTimeoutMs },
    viewport: { width: 1440, height: 1000 },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
  },
});
