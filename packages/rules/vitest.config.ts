import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testTimeoutMs } from './test/support/timeouts';

export default defineConfig({
  resolve: {
    // Tests import the package by its public name, as its users do, without a build first.
    alias: { '@creditkit/rules': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Sized for a loaded 2-core CI runner (see test/support/timeouts.ts); a test never sets its own.
    testTimeout: testTimeoutMs,
    // Pure functions: two workers keep a shared 2-core machine responsive.
    maxWorkers: 2,
  },
});
