import { playwright } from '@vitest/browser-playwright';

/** Debian's Chromium (`apt-get install chromium`): Playwright's own browser downloads are not available here. */
export const chromium = playwright({
  launchOptions: {
    executablePath: '/usr/lib/chromium/chromium',
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
