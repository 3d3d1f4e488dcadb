// Every relative link in every Markdown file of the repository leads to a file or folder the repository holds:
// a clone has nothing beside it, so a link out of it (or to a file since moved) is a dead end for its reader.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '..');

/** Tracked and new Markdown files; .gitignore keeps out node_modules, build output and generated docs. */
function markdownFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((path) => path !== '' && existsSync(join(root, path)));
}

/** The targets of inline links and images, `[text](target)`, and of reference definitions, `[label]: target`. */
function linkTargets(markdown) {
  // Code shows links as text; it links nowhere.
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
  const references = [...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]);
  return [...inline, ...references];
}

/** Where a relative target leads, or undefined for a link elsewhere (a URL, `mailto:`) or within the page. */
function localPath(fromFile, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) return undefined;
  const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
  // A leading slash is the repository's root, as the forges read it.
  return path.startsWith('/') ? join(root, path) : resolve(dirname(join(root, fromFile)), path);
}

test('the link finder sees inline links, images and references, and skips code', () => {
  const markdown = [
    'See [the rules](RULES.md#r3), ![a chart](docs/chart.png "Chart") and [the API][api].',
    '`[not a link](nowhere.md)`',
    '```md',
    '[nor this](nowhere-either.md)',
    '```',
    '[api]: packages/sdk/openapi.json',
  ].join('\n');
  assert.deepEqual(linkTargets(markdown), ['RULES.md#r3', 'docs/chart.png', 'packages/sdk/openapi.json']);
  assert.equal(localPath('README.md', 'https://example.com/x.md'), undefined);
  assert.equal(localPath('README.md', '#usage'), undefined);
  assert.equal(localPath('packages/server/README.md', '../../RULES.md#r1'), join(root, 'RULES.md'));
});

test('every relative link in every Markdown file resolves to a file or folder inside the repository', () => {
  const files = markdownFiles();
  assert.ok(files.includes('README.md'), 'the Markdown files were found');
  const broken = [];
  let checked = 0;
  for (const file of files) {
    for (const target of linkTargets(readFileSync(join(root, file), 'utf8'))) {
      const path = localPath(file, target);
      if (path === undefined) continue;
      checked += 1;
      const inside = path === root || path.startsWith(root + sep);
      if (!inside) broken.push(`${file}: ${target} leads out of the repository`);
      else if (!existsSync(path)) broken.push(`${file}: ${target} (${relative(root, path)}) does not exist`);
    }
  }
  assert.deepEqual(broken, [], `${broken.length} broken of ${checked} relative links`);
  assert.ok(checked > 0, 'some relative links were checked');
});
