import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testTimeoutMs } from './test/support/timeouts';

export default defineConfig({
  resolve: {
    alias: {
      // Tests import the package by its public name, as its users do, without a build first.
      '@creditkit/sdk/schemas': fileURLToPath(new URL('./src/schemas.ts', import.meta.url)),
      '@creditkit/sdk/webhooks': fileURLToPath(new URL('./src/webhooks.ts', import.meta.url)),
      '@creditkit/sdk': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Sized for a loaded 2-core CI runner (see test/support/timeouts.ts); a test or hook never sets its own.
    testTimeout: testTimeoutMs,
    hookTimeout: testTimeoutMs,
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
