/**
 * How long the server's tests may take. They run beside other work on shared 2-core CI runners, where
 * starting a server, a PostgreSQL cluster or a child process, and answering a load of charges, take many
 * times as long as on an idle laptop. These only bound a test that hangs: no test asserts on how long it
 * took (speed goes into `pnpm bench`).
 */

/** Each test and each hook: the vitest config's `testTimeout` and `hookTimeout`. */
export const testTimeoutMs = 180_000;

/**
 * How long a test waits for something to happen (an event on a stream, a freed slot, a child server's
 * first line) before it fails saying what it waited for: within the test timeout, so that message is the
 * one a failure shows.
 */
export const waitTimeoutMs = 90_000;
