// Checks every publishable package as it would be published: publint and "are the types wrong"
// on the packed tarball, both module formats loading with the same exports, and the React kit's language
// packs standing apart from its entry.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packages = readdirSync(join(root, 'packages'))
  .map((folder) => join(root, 'packages', folder))
  .filter((folder) => !JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).private);

let failed = false;
for (const folder of packages) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  console.log(`\n${manifest.name}`);
  // Stylesheets have no types and no module format: publint checks that they exist, attw has nothing to say.
  const stylesheets = Object.keys(manifest.exports).filter((subpath) => subpath.endsWith('.css'));
  const skipStylesheets = stylesheets.length > 0 ? ['--exclude-entrypoints', ...stylesheets] : [];
  for (const [tool, args] of [
    ['publint', [folder, '--pack', 'pnpm', '--strict']],
    ['attw', ['--pack', folder, '--profile', 'node16', '--format', 'ascii', ...skipStylesheets]],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'inherit' });
    } catch {
      console.error(`${tool} failed for ${manifest.name}`);
      failed = true;
    }
  }
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (typeof entry === 'string') continue;
    const esm = Object.keys(await import(pathToFileURL(join(folder, entry.import.default)).href)).sort();
    const cjs = Object.keys(createRequire(join(folder, 'package.json'))(join(folder, entry.require.default))).sort();
    if (esm.join() !== cjs.join() || esm.length === 0) {
      console.error(`${manifest.name}${subpath.slice(1)}: ESM exports [${esm}] differ from CommonJS [${cjs}]`);
      failed = true;
    } else {
      console.log(`${manifest.name}${subpath.slice(1)}: ESM and CommonJS both export ${esm.length} names`);
    }
  }
}

/**
 * Each language pack of @creditkit/react is an entry of its own, one complete set of words, and the kit's
 * entry, bundled whole as an app would, holds none of them: a page pays for the languages it imports.
 */
const react = join(root, 'packages', 'react');
const { exports: reactExports } = JSON.parse(readFileSync(join(react, 'package.json'), 'utf8'));
const english = await import(pathToFileURL(join(react, reactExports['./locales/en'].import.default)).href);
const groups = Object.keys(english.en).sort();
const kitBundle = await build({
  stdin: { contents: `export * from ${JSON.stringify(join(react, 'dist/index.js'))};`, resolveDir: root },
  bundle: true,
  write: false,
  format: 'esm',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/*', '@creditkit/sdk', '@creditkit/rules'],
  logLevel: 'silent',
});
const kitText = kitBundle.outputFiles[0].text;
for (const subpath of Object.keys(reactExports).filter((subpath) => subpath.startsWith('./locales/'))) {
  const pack = Object.values(await import(pathToFileURL(join(react, reactExports[subpath].import.default)).href));
  const name = `@creditkit/react${subpath.slice(1)}`;
  if (pack.length !== 1 || Object.keys(pack[0]).sort().join() !== groups.join()) {
    console.error(`${name}: exports ${pack.length} values, not one pack with the groups ${groups}`);
    failed = true;
    continue;
  }
  // A pack's own sentence, the one said when credits cannot be loaded, found in the kit means the pack is in it.
  const inKit = subpath !== './locales/en' && kitText.includes(JSON.stringify(pack[0].common.loadFailed).slice(1, -1));
  if (inKit) {
    console.error(`${name}: its words are bundled into @creditkit/react's entry`);
    failed = true;
  } else {
    console.log(`${name}: one pack of ${groups.length} groups, not in the kit's entry`);
  }
}
process.exit(failed ? 1 : 0);
