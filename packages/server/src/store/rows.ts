import type { ChargeTrigger, GrantState } from '@creditkit/rules';

export interface GrantRow {
  id: string;
  source: GrantState['source'];
  credits: number;
  remaining: number;
  effective_at: Date;
  expires_at: Date | null;
  priority: number;
  /** Why granted credits were granted (R28); null for the other sources. */
  reason: string | null;
  note: string | null;
  created_at: Date;
}

/** The columns of a `GrantRow`, for every query that reads grants. */
export const grantColumns =
  'id, source, credits, remaining, effective_at, expires_at, priority, reason, note, created_at';

/** A grant as `json_agg` gives it: timestamps as text. */
export type GrantJson = Omit<GrantRow, 'effective_at' | 'expires_at' | 'created_at'> & {
  effective_at: string;
  expires_at: string | null;
  created_at: string;
};

export function toGrantState(row: GrantRow | GrantJson): GrantState {
  return {
    id: row.id,
    source: row.source,
    remaining: row.remaining,
    effectiveAt: new Date(row.effective_at),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    priority: row.priority,
    createdAt: new Date(row.created_at),
  };
}

export interface WorkspaceRow {
  id: string;
  plan_id: string;
  period_start: Date;
  period_end: Date;
  scheduled_plan_id: string | null;
}

export interface SpendRow {
  scope: 'workbook' | 'enrichment';
  scope_id: string;
  spent: number;
  limit_enabled: boolean;
  credit_limit: number | null;
  reached_notified: boolean;
}

export interface ChargeRow {
  id: string;
  action_id: string;
  provider: string;
  model: string | null;
  workbook_id: string;
  record_id: string;
  field: string;
  enrichment_id: string | null;
  audience_id: string | null;
  run_id: string | null;
  trigger: ChargeTrigger;
  credits: number;
  status: 'charged' | 'own_key' | 'deduplicated' | 'refunded';
  refund_reason: string | null;
  created_at: Date;
}

export interface LedgerEntryRow {
  id: number;
  type: 'grant' | 'charge' | 'refund' | 'forfeited' | 'expired';
  grant_id: string | null;
  charge_id: string | null;
  credits: number;
  balance_after: number;
  reason: string | null;
  created_at: Date;
}
