import { defineConfig } from 'tsup';

/**
 * The kit, and each language pack as an entry of its own (`@creditkit/react/locales/de`): a host imports the
 * packs it uses, and the kit's entry never imports one. English is built into the widgets.
 */
const entry = {
  index: 'src/index.ts',
  'locales/en': 'src/locales/en.ts',
  'locales/de': 'src/locales/de.ts',
  'locales/fr': 'src/locales/fr.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/ja': 'src/locales/ja.ts',
  'locales/pt-BR': 'src/locales/pt-br.ts',
};
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
