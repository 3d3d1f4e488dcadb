import type { RouteAccess } from '@creditkit/sdk/schemas';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Caller } from './env';
import { ApiProblem } from './problem';

/** R20: who may call a route, as the route table declares it. Admins change limits, buy credits, set own keys. */
function mayCall(access: Exclude<RouteAccess, 'anyone'>, caller: Caller): boolean {
  switch (access) {
    case 'secret_key':
      return caller.credential === 'secret_key';
    case 'admin':
      return caller.role === 'admin';
    case 'member':
      return true;
  }
}

const refusals: Record<Exclude<RouteAccess, 'anyone' | 'member'>, string> = {
  secret_key: 'Only the workspace secret key may do this.',
  admin: 'Only a workspace admin may do this.',
};

/** Refuses an authenticated caller the route's declared access does not admit: a 403, before the route runs. */
export function requireAccess(access: Exclude<RouteAccess, 'anyone'>): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    if (access !== 'member' && !mayCall(access, context.get('caller'))) {
      throw new ApiProblem(403, 'forbidden', refusals[access]);
    }
    await next();
  };
}
