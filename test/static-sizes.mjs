// The static sites the test command builds, Storybook's (`storybook-static/`) and the docs playground
// (`playground-dist/`): everything they hold, PGlite's WebAssembly and data files apart, and what a browser
// loads before the in-page Credit API is asked for (the HTML's scripts and styles and the modules they import
// statically; PGlite, the server and the tokenizer are dynamic imports). Gzipped as a server would send them.
// Prints a table; exits 1 when a site is over its budget or PGlite reaches its first load.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('../packages/react/', import.meta.url).pathname;

/**
 * Budgets in KB gzipped, just above today's figures so that growth is a decision: the first load, and the whole
 * site without PGlite's WebAssembly and data. Storybook's own manager and preview runtimes (with axe and the
 * docs addon) are most of its first load; the in-page API's tokenizer (about 1 MB) most of what loads on demand.
 */
const sites = [
  { name: 'Storybook', dir: 'storybook-static', entries: ['index.html', 'iframe.html'], initial: 900, total: 3_800 },
  { name: 'playground', dir: 'playground-dist', entries: ['index.html'], initial: 120, total: 1_300 },
];

const isPglite = (file) => /\.(wasm|data)$/.test(file);
const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const rawKb = (file) => statSync(file).size / 1024;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The scripts, module preloads and styles an HTML page names. */
function referencedByHtml(html, dir) {
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
    (match) => match[1],
  );
  return refs.filter((ref) => !/^[a-z]+:/.test(ref)).map((ref) => join(dir, ref.startsWith('/') ? `.${ref}` : ref));
}

/** The modules a module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g),
  ];
  return specifiers.map((match) => join(dirname(file), match[1]));
}

function initialLoad(dir, entries) {
  const seen = new Set();
  const queue = entries.flatMap((entry) => {
    const page = join(dir, entry);
    return [page, ...referencedByHtml(readFileSync(page, 'utf8'), dir)];
  });
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file));
  }
  return [...seen];
}

const sum = (files, size) => files.reduce((total, file) => total + size(file), 0);
const kb = (value) => Math.round(value * 10) / 10;

let failed = false;
const rows = [];
for (const site of sites) {
  const dir = join(root, site.dir);
  const files = filesUnder(dir);
  const pglite = files.filter(isPglite);
  const rest = files.filter((file) => !isPglite(file));
  const initial = initialLoad(dir, site.entries);
  // PGlite's module names its WebAssembly and data files: no module of the first load may.
  const pgliteNames = pglite.map((file) => relative(dir, file).split('/').at(-1));
  const pgliteFirst = initial.filter(
    (file) => file.endsWith('.js') && pgliteNames.some((name) => readFileSync(file, 'utf8').includes(name)),
  );
  const initialGzip = sum(initial, gzipKb);
  const restGzip = sum(rest, gzipKb);
  const over = initialGzip > site.initial || restGzip > site.total;
  failed ||= over || pgliteFirst.length > 0;
  rows.push({
    site: site.name,
    'first load gzip KB': kb(initialGzip),
    'on demand gzip KB': kb(restGzip - initialGzip),
    'without PGlite gzip KB': kb(restGzip),
    'without PGlite raw KB': kb(sum(rest, rawKb)),
    'PGlite wasm+data raw KB': kb(sum(pglite, rawKb)),
    budget: `${over ? 'OVER ' : ''}${site.initial} / ${site.total}`,
  });
  if (pgliteFirst.length > 0) console.error(`${site.name}: PGlite is in the first load: ${pgliteFirst.join(', ')}`);
}
console.table(rows);
if (failed) {
  console.error('A static site is over its size budget, or loads PGlite up front.');
  process.exit(1);
}
