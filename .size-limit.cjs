// Gzipped bundle sizes of what a browser app ships, ky and zod/mini included.
// ky 1.14 (5.1 KB) and the zod/mini parsers the contract uses (about 7 KB) are most of it;
// the limits sit just above today's figures so that any growth is a decision, not an accident.
module.exports = [
  {
    name: '@creditkit/sdk: everything',
    path: 'packages/sdk/dist/index.js',
    import: '*',
    gzip: true,
    limit: '20.5 KB',
  },
  {
    name: '@creditkit/sdk: createCreditClient',
    path: 'packages/sdk/dist/index.js',
    import: '{ createCreditClient }',
    gzip: true,
    limit: '19.2 KB',
  },
];
