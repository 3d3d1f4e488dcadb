import { routes } from '@creditkit/sdk/schemas';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { requireAccess } from './access';
import { authenticate } from './auth';
import type { AppEnv, ServerOptions } from './env';
import { ApiProblem, problemResponse } from './problem';
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

/** The route table's paths as patterns, to tell a path it declares from one it does not. */
const declaredPaths = routes.map((route) => ({
  method: route.method,
  devOnly: route.devOnly === true,
  pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The methods the route table declares for `path` on this server (dev routes only in dev mode); none: unknown. */
export function declaredMethods(path: string, dev: boolean): string[] {
  return declaredPaths
    .filter((route) => (dev || !route.devOnly) && route.pattern.test(path))
    .map((route) => route.method);
}

/** The answer to a request no declared route takes: 405 with `Allow` on a path the table declares, else 404. */
export function undeclaredRequest(dev: boolean) {
  return (context: Context<AppEnv>): Response => {
    const { path, method } = context.req;
    const allowed = declaredMethods(path, dev);
    if (allowed.length === 0) {
      return problemResponse(context, new ApiProblem(404, 'not_found', `No route ${method} ${path}.`));
    }
    const allow = allowed.join(', ');
    return problemResponse(
      context,
      new ApiProblem(405, 'method_not_allowed', `${path} allows ${allow}.`, undefined, { allow }),
    );
  };
}

/** A CORS preflight: an OPTIONS request that names the method it asks for. */
function isPreflight(context: Context<AppEnv>): boolean {
  return context.req.method === 'OPTIONS' && context.req.header('access-control-request-method') !== undefined;
}

/**
 * Answers a request no declared route takes before anything else reads it (its credential, its body): a HEAD, an
 * OPTIONS that is no CORS preflight, a method or path the table does not declare. A preflight on a declared path
 * goes on to the CORS middleware.
 */
export function refuseUndeclaredRequests(dev: boolean): MiddlewareHandler<AppEnv> {
  const refuse = undeclaredRequest(dev);
  return async (context, next) => {
    const allowed = declaredMethods(context.req.path, dev);
    const declared = allowed.includes(context.req.method) || (isPreflight(context) && allowed.length > 0);
    if (!declared) return refuse(context);
    await next();
  };
}
