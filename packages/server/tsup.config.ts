import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli.ts', server: 'src/server.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { server: 'src/server.ts' } },
  sourcemap: true,
  clean: true,
});
