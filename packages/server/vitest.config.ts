import { defineConfig } from 'vitest/config';
import { testTimeoutMs } from './test/support/timeouts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Once per run, not once per test file: a migrated PGlite folder each server starts from a copy of,
    // and a PostgreSQL cluster each PostgreSQL test makes its own database in.
    globalSetup: ['./test/support/test-server.ts', './test/support/postgres.ts'],
    // Every answer a test receives from the API over fetch is held to openapi.json; a violation fails the test.
    setupFiles: ['./test/support/contract/answers-match-contract.ts'],
    // Each file starts its own server (and database); two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    // Sized for a loaded 2-core CI runner (see test/support/timeouts.ts); a test or hook never sets its own.
    testTimeout: testTimeoutMs,
    hookTimeout: testTimeoutMs,
    // Type tests (`vitest run --typecheck`): the generated client's types against the SDK's.
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
