// Each widget's own code and words, gzipped: what importing the widget adds to a page that already has the
// kit's shared core (provider, cache, formatting). A widget brings its own English words (and the shared ones it
// uses, counted in each widget's share here); a locale pack is the host's import, measured by size-limit. React, react-dom, Radix, the SDK and the rules are left
// out: the first three are the host's (peer dependencies), the SDK and the rules it depends on are measured by
// size-limit.
// Prints a table; exits 1 when a widget is over its budget.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const kit = new URL('../packages/react/dist/index.js', import.meta.url).pathname;
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@radix-ui/react-dialog',
  '@radix-ui/react-switch',
  '@creditkit/sdk',
  '@creditkit/rules',
];
const core = ['CreditProvider', 'useQuery', 'useCreditFormat', 'useCreditRole'];

/** Budgets from the widget kit's issue: 4 KB each, the cost badge 1.5 KB (it appears hundreds of times). */
const budgets = {
  CreditCostBadge: 1536,
  CreditBalance: 4096,
  RenewalPreview: 4096,
  SpendLimitDialog: 4096,
  LimitReachedNotice: 4096,
  AiRunBudgetInput: 4096,
  CreditUsage: 4096,
  CreditActivity: 4096,
  FillRate: 4096,
  RunCostSummary: 4096,
  CreditAlertSettings: 4096,
  CreditAlertNotice: 4096,
  AutoTopUpSettings: 4096,
};

async function gzippedSize(names) {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(kit)};`, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const coreSize = await gzippedSize(core);
const rows = [{ widget: 'shared core (provider, cache, formatting)', 'own gzip B': coreSize, budget: '' }];
let over = false;
for (const [widget, budget] of Object.entries(budgets)) {
  const own = (await gzippedSize([...core, widget])) - coreSize;
  over ||= own > budget;
  rows.push({ widget, 'own gzip B': own, budget: `${own > budget ? 'OVER ' : ''}${budget}` });
}
console.table(rows);
if (over) {
  console.error('A widget is over its size budget.');
  process.exit(1);
}
