import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The token-counting threads load count-worker.js from beside the bundle (src/tokens/token-counting-pool.ts).
    entry: { cli: 'src/cli.ts', server: 'src/server.ts', 'count-worker': 'src/tokens/count-worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: { entry: { server: 'src/server.ts' } },
    sourcemap: true,
    // Everything but the browser build beside it, which the other configuration writes at the same time.
    clean: ['!browser', '!browser/**'],
  },
  {
    // `@creditkit/server/browser`: the app in a web page. Its dependencies (PGlite, hono, the tokenizer) stay
    // imports for the page's bundler; PGlite and the tokenizer are imported when first needed, so they load lazily.
    entry: { browser: 'src/browser.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    dts: true,
    sourcemap: true,
    clean: true,
  },
]);
