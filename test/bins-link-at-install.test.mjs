// Every bin a workspace package declares points at a file the repository holds, not at build output:
// `pnpm install` links bins before anything is built, and a bin into dist/ makes it warn "Failed to create bin"
// in every package that depends on that one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '..');

test('every bin of a workspace package is a file in the repository, linkable before any build', () => {
  const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
  const manifests = [...tracked].filter((path) => /^(packages|examples)\/[^/]+\/package\.json$/.test(path));
  const bins = manifests.flatMap((manifestPath) => {
    const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8'));
    const declared = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
    return Object.entries(declared).map(([name, target]) => ({
      name,
      path: normalize(join(manifestPath, '..', target)),
    }));
  });
  assert.ok(bins.length > 0, 'the bins were found');
  assert.deepEqual(
    bins.filter(({ path }) => !tracked.has(path)),
    [],
    'bins pointing at files the repository does not hold',
  );
});
