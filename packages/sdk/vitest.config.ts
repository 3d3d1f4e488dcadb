import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Tests import the package by its public name, as its users do, without a build first.
      '@creditkit/sdk/schemas': fileURLToPath(new URL('./src/schemas.ts', import.meta.url)),
      '@creditkit/sdk': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
