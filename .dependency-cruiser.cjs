/**
 * The import boundaries of ARCHITECTURE.md, checked by `pnpm lint` (and so by `pnpm test`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes load order matter and blocks tree-shaking.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ky-only-in-http',
      severity: 'error',
      comment: 'Only packages/sdk/src/internal/http.ts speaks HTTP, so retries and errors live in one place.',
      from: { pathNot: '^packages/sdk/src/internal/http\\.ts$' },
      to: { path: 'node_modules/ky/|node_modules/\\.pnpm/ky@' },
    },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment:
        'The rules run in browsers, Node and edge runtimes alike: they import nothing but each other (no package of ours, no npm package, no Node built-in).',
      from: { path: '^packages/rules/src/' },
      to: { pathNot: '^packages/rules/src/' },
    },
    {
      name: 'rules-used-by-their-public-entry',
      severity: 'error',
      comment: 'Other packages import `@creditkit/rules` as its users do, never its sources.',
      from: { pathNot: '^packages/rules/' },
      to: { path: '^packages/rules/(?!dist/)' },
    },
    {
      name: 'sdk-imports-no-react',
      severity: 'error',
      comment: 'The SDK runs in Node and edge runtimes too.',
      from: { path: '^packages/sdk/' },
      to: { path: 'node_modules/react(-dom)?/|node_modules/\\.pnpm/react(-dom)?@' },
    },
    {
      name: 'sdk-imports-no-other-package',
      severity: 'error',
      from: { path: '^packages/sdk/' },
      to: { path: '^packages/(react|server)/' },
    },
    {
      name: 'schemas-are-leaves',
      severity: 'error',
      comment: 'The contract depends on nothing but zod and @creditkit/rules, so the server can import it alone.',
      from: { path: '^packages/sdk/src/schemas/' },
      to: { path: '^packages/sdk/src/(?!schemas/)' },
    },
    {
      name: 'errors-and-pagination-stay-public-building-blocks',
      severity: 'error',
      from: { path: '^packages/sdk/src/core/' },
      to: { path: '^packages/sdk/src/(internal|resources|helpers)/' },
    },
    {
      name: 'internal-does-not-know-resources',
      severity: 'error',
      from: { path: '^packages/sdk/src/internal/' },
      to: { path: '^packages/sdk/src/(resources|helpers)/' },
    },
    {
      name: 'helpers-are-pure',
      severity: 'error',
      comment: 'The pure helpers the widgets use never reach the network.',
      from: { path: '^packages/sdk/src/helpers/' },
      to: { path: '^packages/sdk/src/(internal|resources)/' },
    },
    {
      name: 'react-uses-the-sdk-public-entry',
      severity: 'error',
      from: { path: '^packages/react/', pathNot: '^packages/react/(storybook|playground)/' },
      to: { path: '^packages/(sdk/src|server)/' },
    },
    {
      name: 'stories-and-playground-run-the-server-in-the-page',
      severity: 'error',
      comment:
        'Storybook and the docs playground run the reference Credit API in the page: they take it by its browser entry (`@creditkit/server/browser`) and nothing else of the server, and the SDK by its public entry.',
      from: { path: '^packages/react/(storybook|playground)/' },
      to: { path: '^packages/(sdk/src|server/(?!dist/browser/))' },
    },
    {
      name: 'react-store-is-framework-free',
      severity: 'error',
      comment: 'The query cache runs without React (as in TanStack Query); the provider and hooks bind it.',
      from: { path: '^packages/react/src/store/' },
      to: {
        path: 'node_modules/react(-dom)?/|node_modules/\\.pnpm/react(-dom)?@|^packages/react/src/(hooks|provider)/',
      },
    },
    {
      name: 'server-uses-the-sdk-schemas-only',
      severity: 'error',
      comment:
        'The server shares the contract with the SDK, and the webhook signing rule hosts verify with (`@creditkit/sdk/webhooks`), nothing else; its tests may use the whole SDK.',
      from: { path: '^packages/server/src/' },
      to: { path: '^packages/(sdk/(src/(?!schemas|webhooks)|dist/index)|react/)' },
    },
    {
      name: 'server-browser-entry-runs-in-a-page',
      severity: 'error',
      comment:
        'Everything `@creditkit/server/browser` reaches runs in a web page: no Node built-in, no PostgreSQL driver, and none of the Node-only modules (the data-folder lock, the session secret file, the worker-thread pool, the PGlite and PostgreSQL openers, the Node server).',
      from: { path: '^packages/server/src/browser\\.ts$' },
      to: {
        reachable: true,
        path: [
          '^node:',
          '^(assert|buffer|child_process|crypto|events|fs|http|https|net|os|path|process|stream|tls|url|util|worker_threads|zlib)$',
          'node_modules/(pg|@hono/node-server)/',
          'node_modules/\\.pnpm/(pg|@hono\\+node-server)@',
          '^packages/server/src/(server|cli)\\.ts$',
          '^packages/server/src/store/(data-folder-lock|pglite|postgres)\\.ts$',
          '^packages/server/src/http/session-secret-file\\.ts$',
          '^packages/server/src/tokens/(token-counting-pool|count-worker)\\.ts$',
        ],
      },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      comment: 'Shipped code never reaches test support; tests kept next to their code (react) may.',
      from: { path: '^packages/[^/]+/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^packages/[^/]+/test/' },
    },
    {
      name: 'only-stories-reach-storybook',
      severity: 'error',
      comment:
        'Storybook and the in-page scenarios are for stories only: code that ships (or its tests) never imports them.',
      from: { path: '^packages/react/src/', pathNot: '\\.stories\\.tsx$' },
      to: {
        path: [
          'node_modules/(storybook|@storybook/[^/]+)/',
          'node_modules/\\.pnpm/(storybook|@storybook\\+[^@]+)@',
          '^packages/react/(\\.?storybook|playground)/',
          // A package that does not resolve under these conditions is still named by its specifier.
          '^storybook(/|$)',
          '^@storybook/',
        ],
      },
    },
    {
      name: 'examples-use-public-entries',
      severity: 'error',
      comment:
        'An example is what a host app writes: it imports @creditkit/sdk and @creditkit/react by their published entries, never their sources or the server.',
      from: { path: '^examples/' },
      to: { path: '^packages/(server/|[^/]+/(?!dist/))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Our own build output (the demo's bundle too); packages' own dist/ folders stay in, as leaves, so rules can name them (storybook/test).
    exclude: {
      path: '^(packages/[^/]+/(dist|storybook-static|playground-dist|docs)|examples/[^/]+/(dist|e2e-report|test-results))/',
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'packages/sdk/tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
