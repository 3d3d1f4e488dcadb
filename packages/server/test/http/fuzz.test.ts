import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import {
  describeGeneratedRequests,
  type GeneratedRequestTarget,
  generatedRequestTarget,
} from '../support/generated-requests';

let server: RunningServer;
let target: GeneratedRequestTarget;

beforeAll(async () => {
  server = await startServer({ port: 0, dev: true });
  target = await generatedRequestTarget(server);
});
afterAll(() => server.close());

// The same tests run on PostgreSQL in test/postgres/generated-requests.test.ts.
describeGeneratedRequests('PGlite', () => target);
