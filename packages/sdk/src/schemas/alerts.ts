import { hasAtMostThreeDecimals, MAX_CREDITS } from '@creditkit/rules';
import * as z from 'zod/mini';
import { creditTotal, openEnum, page, resourceId, timestamp } from './primitives';

/** The most alerts a workspace may have (R25); one more is a 422 `too_many_alerts`. */
export const MAX_ALERTS = 50;

/** What an alert watches: the workspace `balance`, or the spend of a `workbook`, an `enrichment` or a `run`. */
export const alertScopes = ['balance', 'workbook', 'enrichment', 'run'] as const;
/** What a threshold counts: `credits` left (balance only) or a whole `percent`. */
export const alertUnits = ['credits', 'percent'] as const;

/**
 * A threshold alert (R25). It fires `alert.triggered` once when its value goes past the threshold (the balance
 * falls to or below it; a spend uses at least that percentage of its limit or budget) and re-arms when the value
 * comes back.
 */
export const alert = z.object({
  /** The alert's id (`alert_…`). */
  id: z.string(),
  /** What it watches: `balance`, `workbook`, `enrichment` or `run`. */
  scope: openEnum(alertScopes),
  /** The workbook's, enrichment's or run's id, as the host product names it; null for the balance. */
  scopeId: z.nullable(z.string()),
  /** `credits` (the balance in credits) or `percent` (of the plan allowance, or of the limit or budget used). */
  unit: openEnum(alertUnits),
  /** The threshold in `unit`s: credits with up to 3 decimals, or a whole percentage from 1 to 100. */
  threshold: z.number(),
  /** `armed` until it fires, then `triggered` until its value comes back past the threshold. */
  state: openEnum(['armed', 'triggered']),
  /** When it last fired; null if it never has. */
  triggeredAt: z.nullable(timestamp),
  /** When it was created. */
  createdAt: timestamp,
  /** When its threshold was last set (created or updated). */
  updatedAt: timestamp,
});
/** A threshold alert on the balance, a spend limit or a run budget (R25). */
export type Alert = z.infer<typeof alert>;

/** The workspace's alerts, oldest first, all on one page (there are at most {@link MAX_ALERTS}). */
export const alertPage = page(alert);

const wholePercent = (value: number) => Number.isInteger(value) && value >= 1 && value <= 100;
const creditsThreshold = (value: number) => value >= 0 && value <= MAX_CREDITS && hasAtMostThreeDecimals(value);

/**
 * An alert to create, or the whole alert an update sets (admins only, R20). A `balance` alert takes no `scopeId`
 * and counts in `credits` or `percent` of the plan allowance; the others need `scopeId` and count in `percent` of
 * the limit or budget used. A percentage is a whole number from 1 to 100 (0 would always be past for a spend; a
 * balance alert at 0 is `credits: 0`); credits are 0 to 1,000,000,000 with up to 3 decimals.
 */
export const alertParams = z
  .object({
    /** What it watches: `balance`, `workbook`, `enrichment` or `run`. */
    scope: z.enum(alertScopes),
    /** The workbook's, enrichment's or run's id; not given for the balance. */
    scopeId: z.optional(resourceId),
    /** `credits` (balance only) or `percent`. */
    unit: z.enum(alertUnits),
    /** Credits (0 to 1,000,000,000, up to 3 decimals) or a whole percentage from 1 to 100. */
    threshold: z.number().check(z.gte(0), z.lte(MAX_CREDITS)),
  })
  .check(
    z.refine((params) => (params.scope === 'balance') === (params.scopeId === undefined), {
      error: 'Give scopeId for a workbook, enrichment or run alert, and none for the balance.',
      path: ['scopeId'],
    }),
    z.refine((params) => params.unit === 'percent' || params.scope === 'balance', {
      error: 'Only a balance alert counts in credits; a spend alert counts in percent used.',
      path: ['unit'],
    }),
    z.refine(
      (params) => (params.unit === 'percent' ? wholePercent(params.threshold) : creditsThreshold(params.threshold)),
      {
        error: 'A percentage is a whole number from 1 to 100; credits are 0 to 1,000,000,000 with up to 3 decimals.',
        path: ['threshold'],
      },
    ),
  );
/** The alert to create or set: its scope, unit and threshold. */
export type AlertParams = z.infer<typeof alertParams>;

/** The details of a 422 `too_many_alerts`: the most a workspace may have. */
export const tooManyAlertsDetails = z.object({
  /** The most alerts a workspace may have. */
  maximum: z.number(),
});

/**
 * What an `alert.triggered` event reports: the alert (scope, id and threshold) and the numbers that crossed it,
 * `balance` for a balance alert, `spend` for the others.
 */
export const alertTriggered = z.object({
  /** The alert that fired, now `triggered`. */
  alert,
  /** For a balance alert: the spendable balance and the plan allowance its percentage is of; else null. */
  balance: z.nullable(
    z.object({
      /** The spendable balance that crossed the threshold. */
      spendable: creditTotal,
      /** The plan allowance a percentage threshold is of. */
      allowance: creditTotal,
    }),
  ),
  /** For a spend alert: the limit or budget (null when none is set), what was spent and what remains; else null. */
  spend: z.nullable(
    z.object({
      /** The spend limit or run budget; null when none is set. */
      limit: z.nullable(creditTotal),
      /** Credits spent against it, net of refunds. */
      spent: creditTotal,
      /** Credits it still allows; null without a limit. */
      remaining: z.nullable(creditTotal),
    }),
  ),
});
/** An alert that fired, with the numbers that crossed its threshold (R25). */
export type AlertTriggered = z.infer<typeof alertTriggered>;
