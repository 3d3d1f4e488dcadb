/**
 * How long the user flows may take. They run beside other work on shared 2-core CI runners, where starting
 * the reference API and a demo host, loading a page in Chromium and a run of a column take many times as
 * long as on an idle laptop. These only bound a flow that hangs: no test asserts on how long anything took.
 */

/** Each test, its fixtures included: `timeout` in playwright.config.ts. */
export const testTimeoutMs = 180_000;

/**
 * How long an expectation waits for the page to show something (`expect.timeout`; Playwright's 5 s default
 * fails on a loaded runner), and a child process for the line that says it is ready: within the test
 * timeout, so a failure names what it waited for.
 */
export const waitTimeoutMs = 60_000;
