import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own embedded database; two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
  },
});
