import type { Hono } from 'hono';
import { missingMigrations } from '../../store/migrate';
import type { AppEnv, ServerOptions } from '../env';
import { ApiProblem } from '../problem';

/** How long the database has to answer a readiness check: past it, a balancer had better send requests elsewhere. */
export const readinessTimeoutMs = 2_000;

/** What keeps a server from taking requests now, or null when it may: the 503's code and message. */
type Unreadiness = { code: 'database_unavailable' | 'migrations_missing'; message: string } | null;

/** What the database's answer means for readiness. */
function judgeMigrations(missing: number[]): Unreadiness {
  if (missing.length === 0) return null;
  return { code: 'migrations_missing', message: `The database lacks migration(s) ${missing.join(', ')}.` };
}

/** `answer`, or `database_unavailable` once the bound has passed without it. */
async function withinBound(answer: Promise<Unreadiness>): Promise<Unreadiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Unreadiness>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          code: 'database_unavailable',
          message: `The database did not answer within ${readinessTimeoutMs / 1000} s.`,
        }),
      readinessTimeoutMs,
    );
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz` and `GET /readyz`, for the balancer in front of several instances: no credential, no rate limit.
 * Liveness asks nothing of the database, so a database outage never gets every instance restarted; readiness
 * asks it one small query, shared by the checks that arrive while it runs (a query that hangs stays the only one,
 * however many checks time out on it), so many balancers cost one query and one connection.
 */
export function healthRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  let running: Promise<Unreadiness> | undefined;
  const sharedCheck = () => {
    running ??= missingMigrations(options.db)
      .then(
        judgeMigrations,
        (error: unknown): Unreadiness => ({
          code: 'database_unavailable',
          message: `The database refused the check: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .finally(() => {
        running = undefined;
      });
    return withinBound(running);
  };

  app.get('/healthz', (context) => context.json({ status: 'ok' }));

  app.get('/readyz', async (context) => {
    if (options.lifecycle?.draining.aborted) {
      throw new ApiProblem(503, 'draining', 'The server is stopping: it finishes what it has and takes nothing new.');
    }
    const unready = await sharedCheck();
    if (unready) throw new ApiProblem(503, unready.code, unready.message);
    return context.json({ status: 'ready' });
  });
}
