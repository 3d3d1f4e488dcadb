import { defineConfig } from 'tsup';

// The host server runs on Node; its dependencies stay in node_modules.
export default defineConfig({
  entry: { main: 'server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
});
