import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { inChromium } from './test/chromium';
import { testTimeoutMs } from './test/timeouts';

// Tests import the package by its public name, as its users do, without a build first.
const publicName = { '@creditkit/react': fileURLToPath(new URL('./src/index.ts', import.meta.url)) };

/**
 * What every project sets. The projects run one after the other (`sequence.groupOrder`), each alone on the
 * machine: jsdom with two workers, then each Chromium project with one page, so a 2-core runner never has
 * three browsers and the jsdom workers competing. The timeouts are sized for a loaded runner
 * (test/timeouts.ts); a test or hook never sets its own.
 */
function project(groupOrder: number, maxWorkers: number) {
  return { maxWorkers, sequence: { groupOrder }, testTimeout: testTimeoutMs, hookTimeout: testTimeoutMs };
}

/**
 * What the stories' pages bundle up front (the in-page Credit API's dependencies), so Vite never reloads a
 * page halfway through the run to add a late discovery. PGlite is left as it is: it finds its WebAssembly and
 * data files beside its module at run time.
 */
const inPageApiDeps = {
  include: [
    '@radix-ui/react-dialog',
    '@radix-ui/react-switch',
    '@creditkit/server > gpt-tokenizer',
    '@creditkit/server > gpt-tokenizer/encodingParams/constants',
  ],
  exclude: ['@electric-sql/pglite'],
};

export default defineConfig({
  test: {
    // The reference Credit API, in memory, once for the whole run (every project reads its URL with
    // `inject`): the hooks are tested against the real server, not a mock.
    globalSetup: ['./test/global-setup.ts'],
    projects: [
      {
        // Without it JSX compiles to React.createElement and fails.
        plugins: [react()],
        resolve: { alias: publicName },
        test: {
          ...project(0, 2),
          name: 'unit',
          environment: 'jsdom',
          setupFiles: ['./test/setup-dom.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.browser.test.tsx'],
        },
      },
      {
        // The Chromium tests again on React 18 (the kit supports 18 and 19): react and react-dom resolve to
        // 18.3.1 for the kit and for every dependency, as Vite bundles them for the page.
        plugins: [react()],
        resolve: {
          alias: [
            { find: '@creditkit/react', replacement: publicName['@creditkit/react'] },
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
          ],
        },
        test: {
          ...project(1, 1),
          name: 'react-18',
          setupFiles: ['./test/setup-dom.ts'],
          include: ['src/**/*.browser.test.tsx'],
          provide: { reactMajor: '18' },
          browser: inChromium(),
        },
      },
      {
        plugins: [react()],
        resolve: { alias: publicName },
        test: {
          ...project(2, 1),
          name: 'browser',
          setupFiles: ['./test/setup-dom.ts'],
          include: ['src/**/*.browser.test.tsx'],
          provide: { reactMajor: '19' },
          browser: inChromium(),
        },
      },
      {
        // Every story in .storybook/main.ts rendered in Chromium, its play function run, then axe: the a11y
        // addon fails the story on any violation (`parameters.a11y.test = 'error'` in preview.tsx). The
        // stories run on the reference Credit API in the page (storybook/story-api.ts), so this project needs
        // neither the reference server of the others nor their DOM setup.
        plugins: [react(), storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        optimizeDeps: inPageApiDeps,
        test: {
          ...project(3, 1),
          name: 'storybook',
          setupFiles: ['./test/setup-storybook.ts'],
          browser: inChromium(),
        },
      },
      {
        // Every story again in each of the kit's six languages, on the in-page API like the project above:
        // the language's words, no text overflowing its box, no axe violation
        // (storybook/every-language.browser.test.tsx).
        plugins: [react()],
        optimizeDeps: { ...inPageApiDeps, include: [...inPageApiDeps.include, '@storybook/react-vite'] },
        test: {
          ...project(4, 1),
          name: 'languages',
          setupFiles: ['./test/setup-dom.ts', './test/setup-storybook.ts'],
          include: ['storybook/**/*.browser.test.tsx'],
          browser: inChromium(),
        },
      },
      {
        // The docs playground as built (`build-playground`), served as static files, driven in Chromium with
        // Playwright from Node: its own page, its own in-page API.
        test: {
          ...project(5, 1),
          name: 'playground',
          environment: 'node',
          include: ['playground/**/*.test.ts'],
        },
      },
    ],
  },
});
