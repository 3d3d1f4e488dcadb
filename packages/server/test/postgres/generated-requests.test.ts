import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import {
  describeGeneratedRequests,
  type GeneratedRequestTarget,
  generatedRequestTarget,
} from '../support/generated-requests';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

/*
 * PostgreSQL refuses bytes PGlite takes and the other way round (NUL in text, jsonb escapes), so the
 * generated requests of test/http/fuzz.test.ts run here again, on a real server through its pool.
 */
let postgres: ThrowawayPostgres;
let server: RunningServer;
let target: GeneratedRequestTarget;

beforeAll(async () => {
  postgres = await postgresForTests();
  server = await startServer({ port: 0, dev: true, databaseUrl: postgres.url });
  target = await generatedRequestTarget(server);
});

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

describeGeneratedRequests('PostgreSQL', () => target);
