import type { MiddlewareHandler } from 'hono';
import { workspaceOfSecretKey } from '../store/workspaces';
import type { AppEnv, Caller, ServerOptions } from './env';
import { ApiProblem } from './problem';
import { verifySessionToken } from './session-tokens';

/** Resolves the bearer credential to a caller scoped to one workspace (R21); anything else is a 401. */
export function authenticate(options: ServerOptions): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    const header = context.req.header('authorization') ?? '';
    const credential = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!credential)
      throw new ApiProblem(401, 'unauthorized', 'Send `Authorization: Bearer <secret key or session token>`.');
    let caller: Caller | null = null;
    if (credential.startsWith('sk_')) {
      const workspaceId = await workspaceOfSecretKey(options.db, credential);
      if (workspaceId) caller = { workspaceId, role: 'admin', credential: 'secret_key', userId: null };
    } else {
      caller = verifySessionToken(credential, options.sessionSecret, options.now());
    }
    if (!caller) throw new ApiProblem(401, 'unauthorized', 'The key or session token is unknown or has expired.');
    context.set('caller', caller);
    await next();
  };
}

/** R20: admins change limits, buy credits, set own keys and change the plan; members read and run. */
export function requireAdmin(caller: Caller): void {
  if (caller.role !== 'admin') throw new ApiProblem(403, 'forbidden', 'Only a workspace admin may do this.');
}

export function requireSecretKey(caller: Caller): void {
  if (caller.credential !== 'secret_key')
    throw new ApiProblem(403, 'forbidden', 'Only the workspace secret key may do this.');
}
