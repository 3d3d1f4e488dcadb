/*
 * A workspace's history: what happened to it, in order, as calls to the Credit API. Nothing here knows a rule:
 * the in-page API decides every price, balance, rollover, limit and refusal when the history is replayed
 * through it (replay.ts).
 */

/** Charges of one action in one workbook, made together: one row of a history. */
export interface ChargeBatch {
  actionId: string;
  workbookId: string;
  enrichmentId?: string;
  /** Asks sent: each for its own record, plus `deduplicated` asks again for records already paid (R13). */
  charges: number;
  /** Of those, asks for a record's field that was already charged: the API charges them 0 (R13). */
  deduplicated?: number;
  /** Of those, refunded afterwards because the provider delivered nothing (R15). */
  refunded?: number;
  /** Tokens of each row of an AI action (R9); the catalogue's typical row when omitted. */
  usage?: { inputTokens: number; outputTokens: number };
  /**
   * The host's records, when a story names them afterwards (a quote of rows already paid, R13): `${prefix}1`,
   * `${prefix}2`, … on `field`. Otherwise records of the batch's own, on a field named after the action.
   */
  records?: { prefix: string; field: string };
  /** Why the charges happen (R24): a first `run` when omitted, or a deliberate `rerun` or an `auto_update`. */
  trigger?: 'rerun' | 'auto_update';
  /** The AI run the charges settle against: opened with `budget` first, then completed, or stopped midway (R16). */
  run?: { id: string; budget: number; stopped?: boolean };
}

/** Credits the host's server grants (R28): why, and when they expire (never, when omitted). */
export interface GrantStep {
  credits: number;
  reason: 'promotional' | 'compensation' | 'goodwill';
  note?: string;
  expiresAt?: string;
  priority?: number;
}

export type SpendLimitTarget = { workbookId: string } | { enrichmentId: string };

/** A threshold alert an admin set (R25), as `POST /v1/alerts` takes it. */
export interface AlertSetting {
  scope: 'balance' | 'workbook' | 'enrichment' | 'run';
  scopeId?: string;
  unit: 'credits' | 'percent';
  threshold: number;
}

/** The auto top-up an admin set (R27), as `PUT /v1/auto-top-up` takes it. */
export interface AutoTopUpSetting {
  enabled: boolean;
  threshold: number;
  credits: number;
  monthlyCap: number;
}

/** One thing that happened, and when (`YYYY-MM-DD` means noon UTC that day). */
export type HistoryStep = { at: string } & (
  | { charge: ChargeBatch }
  | { purchase: number }
  | { grant: GrantStep }
  | { renew: true }
  | { spendLimit: SpendLimitTarget; enabled: boolean; limit: number }
  | { ownKey: { provider: string; apiKey: string } }
  | { changePlan: string }
  | { alert: AlertSetting }
  | { autoTopUp: AutoTopUpSetting }
);

export interface WorkspaceHistory {
  /** The plan the dev route creates the workspace on, at `createdAt`. */
  planId: string;
  createdAt: string;
  steps: readonly HistoryStep[];
}

/** Charges made at `day` (noon UTC unless a time is given). */
export const charge = (at: string, batch: ChargeBatch): HistoryStep => ({ at, charge: batch });
export const purchase = (at: string, credits: number): HistoryStep => ({ at, purchase: credits });
/** Credits granted by the secret key at `at` (R28). */
export const grant = (at: string, granted: GrantStep): HistoryStep => ({ at, grant: granted });
/** The period-end renewal, run by the dev route at `at` (R3–R7). */
export const renew = (at: string): HistoryStep => ({ at, renew: true });
export const spendLimit = (at: string, target: SpendLimitTarget, limit: number, enabled = true): HistoryStep => ({
  at,
  spendLimit: target,
  enabled,
  limit,
});
export const ownKey = (at: string, provider: string, apiKey: string): HistoryStep => ({
  at,
  ownKey: { provider, apiKey },
});
export const changePlan = (at: string, planId: string): HistoryStep => ({ at, changePlan: planId });
/** An alert set at `at`: it fires (or not) as the steps after it move its value (R25). */
export const alert = (at: string, setting: AlertSetting): HistoryStep => ({ at, alert: setting });
/** The auto top-up set at `at`: it tops up (or is capped) as the steps after it lower the balance (R27). */
export const autoTopUp = (at: string, setting: AutoTopUpSetting): HistoryStep => ({ at, autoTopUp: setting });
