import { playwright } from '@vitest/browser-playwright';
import { testTimeoutMs } from './timeouts';

/** Debian's Chromium (`apt-get install chromium`): Playwright's own browser downloads are not available here. */
export const chromiumLaunchOptions = {
  executablePath: '/usr/lib/chromium/chromium',
  // Starting Chromium on a loaded runner can outlast Playwright's 30 s default.
  timeout: testTimeoutMs,
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
};

const chromium = playwright({ launchOptions: chromiumLaunchOptions });

/**
 * Vitest browser mode in that Chromium, headless; a failure's message and stack say what went wrong.
 * A new object per project: Vitest names each project's browser instance in place.
 */
export const inChromium = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
  // The first page waits for Vite to bundle the test's dependencies, slow on a loaded runner.
  connectTimeout: testTimeoutMs,
  screenshotFailures: false,
});
