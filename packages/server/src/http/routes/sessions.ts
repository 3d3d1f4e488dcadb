import { sessionCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import type { AppEnv, ServerOptions } from '../env';
import { maxSessionSeconds, mintSessionToken } from '../session-tokens';
import { parse, readJson } from '../validate';

export function sessionRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.post('/v1/sessions', async (context) => {
    const caller = context.get('caller');
    const params = parse(sessionCreateParams, await readJson(context), 'session');
    const issuedAt = Math.floor(options.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + (params.expiresIn ?? maxSessionSeconds)) * 1000);
    const token = mintSessionToken(
      { ws: caller.workspaceId, sub: params.userId, role: params.role, iat: issuedAt, exp: expiresAt.getTime() / 1000 },
      options.sessionSecret,
    );
    return context.json(
      {
        token,
        workspaceId: caller.workspaceId,
        userId: params.userId,
        role: params.role,
        expiresAt: expiresAt.toISOString(),
      },
      201,
    );
  });
}
