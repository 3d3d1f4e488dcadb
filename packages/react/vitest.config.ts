import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { inChromium } from './test/chromium';

export default defineConfig({
  // Without it JSX compiles to React.createElement and fails.
  plugins: [react()],
  resolve: {
    // Tests import the package by its public name, as its users do, without a build first.
    alias: { '@creditkit/react': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    // The reference Credit API, in memory: the hooks are tested against the real server, not a mock.
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-dom.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // With the offline Storybook scenarios, checked against the reference server they stand in for.
          include: ['src/**/*.test.{ts,tsx}', 'storybook/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.tsx'],
        },
      },
      {
        // The Chromium tests again on React 18 (the kit supports 18 and 19): react and react-dom resolve to
        // 18.3.1 for the kit and for every dependency, as Vite bundles them for the page.
        extends: true,
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
          ],
        },
        test: {
          name: 'react-18',
          include: ['src/**/*.browser.test.tsx'],
          provide: { reactMajor: '18' },
          browser: inChromium(),
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.tsx'],
          provide: { reactMajor: '19' },
          browser: inChromium(),
        },
      },
      {
        // Every story in .storybook/main.ts rendered in Chromium, its play function run, then axe: the a11y
        // addon fails the story on any violation (`parameters.a11y.test = 'error'` in preview.tsx). The
        // stories run on offline scenarios (MSW), so this project needs neither the reference server nor the
        // DOM setup of the others.
        plugins: [react(), storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Found up front, so Vite never reloads the page halfway through the run to add a late discovery.
        optimizeDeps: { include: ['@radix-ui/react-dialog', '@radix-ui/react-switch', 'msw', 'msw/browser'] },
        test: {
          name: 'storybook',
          browser: inChromium(),
        },
      },
    ],
  },
});
