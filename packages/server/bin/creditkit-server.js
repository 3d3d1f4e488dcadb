#!/usr/bin/env node
// The `creditkit-server` bin runs the built CLI. It lives outside dist/ so that `pnpm install` can link it before
// anything is built; a bin pointing into dist/ made install warn "Failed to create bin" for every dependent.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('creditkit-server is not built yet: run `pnpm --filter @creditkit/server... build` first');
  process.exit(1);
}
await import(cli.href);
