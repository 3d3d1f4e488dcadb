import { ledgerListParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { ledgerEntryView } from '../../store/read-models';
import type { LedgerEntryRow } from '../../store/rows';
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
}
