/**
 * How long the widget tests may take. They run beside other work on shared 2-core CI runners, where a
 * Chromium page, a jsdom render and an answer of the reference server take many times as long as on an
 * idle laptop. These only bound a test that hangs: no test asserts on how long anything took (render
 * figures go into `pnpm bench`).
 */

/** Each test and each hook: every project's `testTimeout` and `hookTimeout` in vitest.config.ts. */
export const testTimeoutMs = 120_000;

/**
 * How long Testing Library's `waitFor` and `findBy*` wait for the page to show something (`asyncUtilTimeout`;
 * its own default, 1 s, fails on a loaded machine): within the test timeout, so a failure names what it
 * waited for.
 */
export const waitTimeoutMs = 30_000;
