import { startServer } from '@creditkit/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The base URL of the reference Credit API that this test run started. */
    creditApiUrl: string;
  }
}

/**
 * Starts the reference Credit API in dev mode on an in-memory database and an ephemeral port, once per
 * test run (the root config's global setup; every project reads the URL it provides). Dev mode lets tests
 * create fresh workspaces and allows browser pages on localhost through CORS, so the Chromium projects'
 * pages can call it too.
 */
export default async function startCreditApi(project: TestProject) {
  const server = await startServer({ port: 0, dev: true });
  project.provide('creditApiUrl', server.url);
  return () => server.close();
}
