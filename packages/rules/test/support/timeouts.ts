/**
 * How long a test of the rules may take. They are pure and quick, but the property tests run thousands of
 * cases beside other work on shared 2-core CI runners. This only bounds a test that hangs: no test asserts on
 * how long anything took.
 */
export const testTimeoutMs = 60_000;
