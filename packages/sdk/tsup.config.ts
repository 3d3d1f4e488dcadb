import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts', schemas: 'src/schemas.ts', webhooks: 'src/webhooks.ts' };

export default defineConfig([
  { entry, format: ['esm'], dts: true, sourcemap: true, clean: true, target: 'es2022' },
  // ky ships ESM only; the CommonJS build carries its own copy so `require` works without require(esm).
  { entry, format: ['cjs'], dts: true, sourcemap: true, target: 'es2022', noExternal: ['ky'] },
]);
