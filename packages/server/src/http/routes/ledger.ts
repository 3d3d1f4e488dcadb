import { toCredits } from '@creditkit/rules';
import { grantListParams, ledgerListParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { ledgerEntryView } from '../../store/read-models';
import type { GrantRow, LedgerEntryRow } from '../../store/rows';
import { toIsoTimestamp } from '../../store/timestamps';
import { decodeCursor, encodeCursor } from '../cursor';
import type { AppEnv, ServerOptions } from '../env';
import { parse, readQuery } from '../validate';

export function ledgerRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  // Newest first, keyset-paginated by entry id so pages stay stable while charges keep arriving.
  app.get('/v1/ledger', async (context) => {
    const params = parse(ledgerListParams, readQuery(context, ['limit']), 'ledger list parameters');
    const limit = params.limit ?? 50;
    const before = decodeCursor(params.cursor);
    const rows = await options.db.query<LedgerEntryRow>(
      `SELECT * FROM ledger_entries WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
         AND ($3::text IS NULL OR type = $3) ORDER BY id DESC LIMIT $4`,
      [context.get('caller').workspaceId, before ?? null, params.type ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return context.json({
      data: page.map(ledgerEntryView),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    });
  });

  // Soonest to expire first (the burn order of R2), purchases last.
  app.get('/v1/grants', async (context) => {
    const params = parse(grantListParams, readQuery(context, ['limit']), 'grant list parameters');
    const limit = params.limit ?? 50;
    const offset = decodeCursor(params.cursor) ?? 0;
    const rows = await options.db.query<GrantRow>(
      `SELECT id, source, credits, remaining, effective_at, expires_at, created_at FROM grants WHERE workspace_id = $1
        ORDER BY expires_at ASC NULLS LAST, created_at ASC, id ASC LIMIT $2 OFFSET $3`,
      [context.get('caller').workspaceId, limit + 1, offset],
    );
    return context.json({
      data: rows.slice(0, limit).map((row) => ({
        id: row.id,
        source: row.source,
        credits: toCredits(row.credits),
        remaining: toCredits(row.remaining),
        effectiveAt: toIsoTimestamp(row.effective_at),
        expiresAt: toIsoTimestamp(row.expires_at),
        createdAt: toIsoTimestamp(row.created_at),
      })),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
    });
  });
}
