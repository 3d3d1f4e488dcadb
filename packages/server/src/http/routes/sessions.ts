import { sessionCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import type { AppEnv, ServerOptions } from '../env';
import { maxSessionSeconds, sessionTokens } from '../session-tokens';
import { parse, readJson } from '../validate';

export function sessionRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  const tokens = sessionTokens(options.sessionSecret);
  app.post('/v1/sessions', async (context) => {
    const caller = context.get('caller');
    const params = parse(sessionCreateParams, await readJson(context), 'session');
    const issuedAt = Math.floor(options.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + (params.expiresIn ?? maxSessionSeconds)) * 1000);
    const token = await tokens.mint({
      ws: caller.workspaceId,
      sub: params.userId,
      role: params.role,
      iat: issuedAt,
      exp: expiresAt.getTime() / 1000,
    });
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
