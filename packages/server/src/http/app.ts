import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import {
  applyDeclaredAccess,
  declaredMethods,
  refuseUndeclaredRequests,
  refuseUndeclaredRoutes,
  undeclaredRequest,
} from './declared-routes';
import type { AppEnv, ServerOptions } from './env';
import { ApiProblem, problemResponse } from './problem';
import { actionRoutes } from './routes/actions';
import { aiRoutes } from './routes/ai';
import { alertRoutes } from './routes/alerts';
import { autoTopUpRoutes } from './routes/auto-top-up';
import { balanceRoutes } from './routes/balance';
import { chargeRoutes } from './routes/charges';
import { devRoutes } from './routes/dev';
import { eventRoutes } from './routes/events';
import { grantRoutes } from './routes/grants';
import { healthRoutes } from './routes/health';
import { integrationRoutes } from './routes/integrations';
import { ledgerRoutes } from './routes/ledger';
import { planRoutes } from './routes/plans';
import { purchaseRoutes } from './routes/purchases';
import { quoteRoutes } from './routes/quotes';
import { sessionRoutes } from './routes/sessions';
import { spendLimitRoutes } from './routes/spend-limits';
import { usageRoutes } from './routes/usage';
import { usageActivityRoutes } from './routes/usage-activity';
import { webhookEndpointRoutes } from './routes/webhook-endpoints';

const maxBodyBytes = 1024 * 1024;

function isLocalOrigin(origin: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);
}

/** The Credit API as a hono app: middleware, then one module of routes per resource. */
export function createApp(options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId({ generator: () => `req_${crypto.randomUUID()}` }));
  // Before anything reads the request: what the route table does not declare is a 404 or a 405, whatever its body.
  app.use(refuseUndeclaredRequests(options.dev));
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (origin === options.corsOrigin || (options.dev && isLocalOrigin(origin)) ? origin : null),
      allowMethods: (_origin, context) => declaredMethods(context.req.path, options.dev),
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id'],
      exposeHeaders: ['x-request-id', 'retry-after', 'idempotent-replayed'],
    }),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      // The rest of the body is never read, so the connection cannot be reused: say so.
      onError: (context) =>
        problemResponse(
          context,
          new ApiProblem(413, 'payload_too_large', 'The body is larger than 1 MB.', undefined, { connection: 'close' }),
        ),
    }),
  );
  applyDeclaredAccess(app, options);

  sessionRoutes(app, options);
  balanceRoutes(app, options);
  actionRoutes(app, options);
  chargeRoutes(app, options);
  quoteRoutes(app, options);
  spendLimitRoutes(app, options);
  usageRoutes(app, options);
  usageActivityRoutes(app, options);
  eventRoutes(app, options);
  aiRoutes(app, options);
  integrationRoutes(app, options);
  alertRoutes(app, options);
  autoTopUpRoutes(app, options);
  purchaseRoutes(app, options);
  grantRoutes(app, options);
  ledgerRoutes(app, options);
  planRoutes(app, options);
  webhookEndpointRoutes(app, options);
  healthRoutes(app, options);
  if (options.dev) devRoutes(app, options);
  refuseUndeclaredRoutes(app);

  app.notFound(undeclaredRequest(options.dev));
  app.onError((error, context) => {
    if (error instanceof ApiProblem) return problemResponse(context, error);
    console.error(`[${context.get('requestId')}]`, error);
    return problemResponse(context, new ApiProblem(500, 'internal_error', 'Something went wrong on our side.'));
  });
  return app;
}
