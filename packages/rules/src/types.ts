import type { Thousandths } from './amounts';

/** Where a grant's credits come from: the plan, a rollover (R3–R5), a purchase (R17), or the secret key's grant (R28). */
export type GrantSource = 'plan' | 'rollover' | 'purchased' | 'granted';

/** Why a charge happens (R24): a first run, a deliberate re-run, or an Auto-Update refresh. */
export type ChargeTrigger = 'run' | 'rerun' | 'auto_update';

/** A grant as the rules see it: what is left of it and when it may be spent. */
export interface GrantState {
  id: string;
  source: GrantSource;
  remaining: Thousandths;
  effectiveAt: Date;
  /** Null for purchases, which never expire (R17), and for granted credits given without an expiry (R28). */
  expiresAt: Date | null;
  /** Among grants expiring together, the higher burns first (R2, R28); 0 for every source but granted credits. */
  priority: number;
  createdAt: Date;
}

/** A workbook's (R11) or an enrichment's (R12) limit and its spend, net of refunds. */
export interface LimitState {
  id: string;
  enabled: boolean;
  limit: Thousandths | null;
  spent: Thousandths;
}

export interface RunState {
  id: string;
  budget: Thousandths;
  spent: Thousandths;
  status: 'running' | 'completed';
}

export type RefusalCode =
  | 'run_budget_exhausted'
  | 'run_completed'
  | 'enrichment_limit_reached'
  | 'workbook_limit_reached'
  | 'insufficient_credits';

export interface Refusal {
  outcome: 'refused';
  code: RefusalCode;
  scope: 'workspace' | 'workbook' | 'enrichment' | 'run';
  id: string | null;
  limit: Thousandths;
  spent: Thousandths;
  remaining: Thousandths;
}

/** One debit of a charge from one grant (R2). */
export interface Debit {
  grantId: string;
  amount: Thousandths;
}
