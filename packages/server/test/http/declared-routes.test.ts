import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { refuseUndeclaredRoutes } from '../../src/http/declared-routes';

// Access is applied from the route table; a handler outside it would take no credential at all.

describe('an app whose handlers the route table does not all declare', () => {
  it('is refused when it is built', () => {
    const app = new Hono();
    app.get('/v1/balance', (context) => context.text('declared'));
    app.get('/v1/secrets', (context) => context.text('not declared'));

    expect(() => refuseUndeclaredRoutes(app)).toThrow('GET /v1/secrets is not in the route table.');
  });

  it('is accepted when every handler is declared, whatever middleware runs for all of them', () => {
    const app = new Hono();
    app.use('/v1/*', async (_context, next) => next());
    app.post('/v1/charges/:chargeId/refund', (context) => context.text('declared'));

    expect(() => refuseUndeclaredRoutes(app)).not.toThrow();
  });
});
