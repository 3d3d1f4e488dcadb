// Checks every publishable package as it would be published: publint and "are the types wrong"
// on the packed tarball, and both module formats loading with the same exports.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
process.exit(failed ? 1 : 0);
