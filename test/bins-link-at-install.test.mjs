// Every bin a workspace package declares must point at a file the repository holds, not at build output:
// `pnpm install` links bins before anything is built, and a bin into dist/ makes it warn "Failed to create bin"
// in every package that depends on that one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
const manifests = [...tracked].filter((path) => /^(packages|examples)\/[^/]+\/package\.json$/.test(path));

let failed = false;
for (const manifestPath of manifests) {
  const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8'));
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [name, target] of Object.entries(bins)) {
    const path = normalize(join(manifestPath, '..', target));
    if (tracked.has(path)) {
      console.log(`${manifest.name}: bin ${name} → ${path}`);
    } else {
      console.error(`${manifest.name}: bin ${name} points at ${path}, which the repository does not hold`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
