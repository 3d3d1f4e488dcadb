import { routes } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { requireAccess } from './access';
import { authenticate } from './auth';
import type { AppEnv, ServerOptions } from './env';
import { rateLimit } from './rate-limit';

/** `/v1/charges/{chargeId}` as hono writes it: `/v1/charges/:chargeId`. */
function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Who may call each route is the route table's `access`, applied here once for every route, before its handler:
 * the credential (401), the rate limits (429), then the role (403).
 */
export function applyDeclaredAccess(app: Hono<AppEnv>, options: ServerOptions): void {
  const auth = authenticate(options);
  const limit = options.rateLimits ? [rateLimit(options.rateLimits)] : [];
  for (const route of routes) {
    if (route.access === 'anyone' || (route.devOnly && !options.dev)) continue;
    app.on(route.method, honoPath(route.path), auth, ...limit, requireAccess(route.access));
  }
}

/**
 * Access comes from the route table, so a handler the table does not declare would answer anyone: such an app is
 * refused when it is built, not found out by a caller.
 */
export function refuseUndeclaredRoutes<Env extends object>(app: Hono<Env>): void {
  const declared = new Set(routes.map((route) => `${route.method} ${honoPath(route.path)}`));
  for (const { method, path } of app.routes) {
    // Middleware registered with `use` (CORS, the body limit) runs for every method.
    if (method === 'ALL') continue;
    if (!declared.has(`${method} ${path}`)) throw new Error(`${method} ${path} is not in the route table.`);
  }
}
