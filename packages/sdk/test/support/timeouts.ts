/**
 * How long the SDK's tests may take. They run beside other work on shared 2-core CI runners, where a local
 * round trip, a retry's backoff or a reconnect take many times as long as on an idle laptop. These only bound
 * a test that hangs: no test asserts on how long anything took.
 */

/** Each test and each hook: the vitest config's `testTimeout` and `hookTimeout`. */
export const testTimeoutMs = 60_000;

/** How long a test waits for something to happen before it fails saying so: within the test timeout. */
export const waitTimeoutMs = 30_000;
