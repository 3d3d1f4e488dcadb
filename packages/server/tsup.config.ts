import { defineConfig } from 'tsup';

export default defineConfig({
  // The token-counting threads load count-worker.js from beside the bundle (src/tokens/token-counting-pool.ts).
  entry: { cli: 'src/cli.ts', server: 'src/server.ts', 'count-worker': 'src/tokens/count-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { server: 'src/server.ts' } },
  sourcemap: true,
  clean: true,
});
