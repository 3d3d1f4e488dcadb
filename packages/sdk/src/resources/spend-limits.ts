import * as z from 'zod/mini';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { resourceId } from '../schemas/primitives';
import {
  type SpendLimit,
  type SpendLimitUpdateParams,
  spendLimit,
  spendLimitUpdateParams,
} from '../schemas/spend-limits';

/** Which limit: a workbook's (R11) or an enrichment's (R12). */
export type SpendLimitTarget =
  | {
      /** The workbook whose limit is meant (R11). */
      workbookId: string;
    }
  | {
      /** The bulk enrichment whose limit is meant (R12). */
      enrichmentId: string;
    };

const scopes = { workbookId: 'workbooks', enrichmentId: 'enrichments' } as const;

/** Exactly one known scope key, with a valid id: anything else is refused before sending. */
const target = z.object({ scope: z.enum(['workbookId', 'enrichmentId']), id: resourceId });

function pathOf(of: SpendLimitTarget): string {
  const keys = Object.keys(of ?? {});
  const scope = keys.length === 1 ? keys[0] : keys.join(' and ') || 'none';
  const parsed = validateParams(
    target,
    { scope, id: (of as Record<string, unknown> | undefined)?.[scope as string] },
    'spend limit target ({ workbookId } or { enrichmentId })',
  );
  return `/v1/${scopes[parsed.scope]}/${encodeURIComponent(parsed.id)}/spend-limit`;
}

/** Credit spend limits per workbook (R11) and per enrichment (R12). */
export class SpendLimitsResource {
  constructor(private readonly transport: Transport) {}

  /** The limit and what the workbook or enrichment has spent; one never set reads as disabled with a null `limit`. */
  async retrieve(of: SpendLimitTarget, options?: RequestOptions): Promise<SpendLimit> {
    return this.transport.json({ method: 'GET', path: pathOf(of), options }, spendLimit);
  }

  /** Enables, changes or disables a limit. Admins only (R20). */
  async update(of: SpendLimitTarget, params: SpendLimitUpdateParams, options?: RequestOptions): Promise<SpendLimit> {
    const path = pathOf(of);
    const body = validateParams(spendLimitUpdateParams, params, 'spend limit');
    return this.transport.json({ method: 'PUT', path, body, options }, spendLimit);
  }
}
