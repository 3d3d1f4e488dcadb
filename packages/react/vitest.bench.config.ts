import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { inChromium } from './test/chromium';

// `pnpm bench`: render figures in Chromium against the reference server. Prints; asserts no timings.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@creditkit/react': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-dom.ts'],
    include: ['bench/**/*.bench.tsx'],
    testTimeout: 120_000,
    browser: inChromium(),
  },
});
