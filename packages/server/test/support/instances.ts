import { randomBytes } from 'node:crypto';
import { type ServerProcess, spawnServer } from './server-process';

export interface Deployment {
  /** The instances, each a `creditkit-server` process of its own on its own port. */
  instances: ServerProcess[];
  /** The secret they share: it signs session tokens and seals webhook signing secrets. */
  sessionSecret: string;
}

/**
 * A deployment of `count` instances on one PostgreSQL, as several machines behind a balancer run it: real
 * `creditkit-server --dev` processes started at the same moment (so on an empty database they race to migrate),
 * with one `CREDITKIT_SESSION_SECRET`. Each instance also made a demo workspace. Stop them with
 * `killServerProcesses` (an `afterEach`), or each with a signal.
 */
export async function startDeployment(
  databaseUrl: string,
  count: number,
  args: readonly string[] = [],
): Promise<Deployment> {
  const sessionSecret = randomBytes(32).toString('hex');
  const instances = await Promise.all(
    Array.from({ length: count }, () =>
      spawnServer(['--database-url', databaseUrl, ...args], { env: { CREDITKIT_SESSION_SECRET: sessionSecret } }),
    ),
  );
  return { instances, sessionSecret };
}
