import { configDefaults, defineConfig } from 'vitest/config';
import { inChromium } from './test/support/chromium';
import { testTimeoutMs } from './test/support/timeouts';

/** Sized for a loaded 2-core CI runner (see test/support/timeouts.ts); a test or hook never sets its own. */
const timeouts = { testTimeout: testTimeoutMs, hookTimeout: testTimeoutMs };

/** Tests of the app running in a web page (`src/browser.ts`), in Chromium. */
const inPageTests = 'test/browser/**/*.browser.test.ts';

export default defineConfig({
  test: {
    // One after the other (`sequence.groupOrder`): the Node suite, then Chromium, never both on a 2-core runner.
    projects: [
      {
        test: {
          ...timeouts,
          name: 'node',
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, inPageTests],
          // Once per run, not once per test file: a migrated PGlite folder each server starts from a copy of,
          // and a PostgreSQL cluster each PostgreSQL test makes its own database in.
          globalSetup: ['./test/support/test-server.ts', './test/support/postgres.ts'],
          // Every answer a test receives from the API over fetch is held to openapi.json; a violation fails the test.
          setupFiles: ['./test/support/contract/answers-match-contract.ts'],
          // Each file starts its own server (and database); two at a time keeps a 2-core machine responsive.
          maxWorkers: 2,
          // Type tests (*.test-d.ts, checked by tsc): the generated client's types against the SDK's.
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        optimizeDeps: {
          // PGlite loads its WebAssembly and data files by URL at run time; pre-bundling would move it away from them.
          exclude: ['@electric-sql/pglite'],
          // Found up front, so Vite never reloads the page halfway through the run to add the tokenizer (loaded late).
          include: ['gpt-tokenizer', 'gpt-tokenizer/encodingParams/constants'],
        },
        test: {
          ...timeouts,
          name: 'browser',
          sequence: { groupOrder: 1 },
          include: [inPageTests],
          maxWorkers: 1,
          typecheck: { enabled: false },
          browser: inChromium(),
        },
      },
    ],
  },
});
