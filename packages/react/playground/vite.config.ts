import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The docs playground: a static page (`playground-dist/`) where the widgets run against the reference Credit API
 * in the page. `base: './'` lets it be served from any folder.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // The widgets by their public name, from source, as the tests and Storybook take them.
  resolve: { alias: { '@creditkit/react': fileURLToPath(new URL('../src/index.ts', import.meta.url)) } },
  // PGlite finds its WebAssembly and data files beside its module at run time: pre-bundling would move it.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  build: {
    outDir: fileURLToPath(new URL('../playground-dist', import.meta.url)),
    emptyOutDir: true,
    // PGlite's and the tokenizer's chunks are large by nature, and loaded only once the page asks for the API.
    chunkSizeWarningLimit: 2_500,
    rollupOptions: {
      // PGlite's Emscripten glue calls eval and names node:module for Node: neither runs in the page.
      onwarn(warning, warn) {
        if (warning.id?.includes('@electric-sql/pglite') || warning.message.includes('@electric-sql/pglite')) return;
        warn(warning);
      },
    },
  },
});
