import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts' };
// The hooks hold state, so React Server Components must treat the whole entry as client code.
const banner = { js: "'use client';" };

export default defineConfig([
  // The stylesheet goes through esbuild too, so later `@import`s of widget styles land in one file.
  {
    entry: { ...entry, styles: 'src/styles/styles.css' },
    format: ['esm'],
    dts: { entry },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    banner,
  },
  { entry, format: ['cjs'], dts: { entry }, sourcemap: true, target: 'es2022', banner },
]);
