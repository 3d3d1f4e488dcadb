import { playwright } from '@vitest/browser-playwright';
import { testTimeoutMs } from './timeouts';

/** Debian's Chromium (`apt-get install chromium`): Playwright's own browser downloads are not available here. */
const chromium = playwright({
  launchOptions: {
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
  },
});

/** Vitest browser mode in that Chromium, headless, one page. */
export const inChromium = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
  // The first page waits for Vite to bundle the test's dependencies, slow on a loaded runner.
  connectTimeout: testTimeoutMs,
  screenshotFailures: false,
});
