import { toCredits, toThousandths } from '@creditkit/rules';
import type {
  Action,
  AiEstimate,
  AiEstimateCreateParams,
  AiModel,
  AiRun,
  AiRunCreateParams,
  Balance,
  CurrentPlan,
  Grant,
  Integration,
  LimitDetails,
  Plan,
  SpendLimit,
  UsageParams,
  UsageReport,
  UsageRow,
} from '@creditkit/sdk';
import { estimateAiCost } from '@creditkit/sdk';
import { actions, type CatalogueAction, findAction, findModel, findPlan, models, plans, providers } from './catalogue';

/*
 * An offline workspace that follows the rules: it is described by what happened (its plan, the credits
 * it rolled over, what it bought, the charges it made) and every answer is derived from that, the way
 * the reference server derives it. Grants are drawn in burn order (R2), so the balance adds up from the
 * grants by source (R1); a spend limit's `spent` is its workbook's charges net of refunds (R11, R12);
 * usage by day, workbook, action, provider and model totals the same charges (R18); AI prices come from
 * the model rates (R9); own keys make their provider's actions free (R10).
 * Amounts are kept in integer thousandths, as the server keeps them.
 */

/** Charges of one action made on one day in one workbook: one row of the scenario's history. */
export interface ChargeBatch {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  /** When the charges were made; noon UTC of `day` when omitted. */
  at?: string;
  workbookId: string;
  enrichmentId?: string;
  actionId: string;
  /** Charges recorded, own-key and deduplicated ones included (R18 counts them all). */
  charges: number;
  /** Of those, asks for a record field that was already paid for: recorded at 0 credits (R13). */
  deduplicated?: number;
  /** Of those, refunded because the provider could not deliver valid data (R15). */
  refunded?: number;
  /** Tokens per row of an AI action (R9); a typical row when omitted. */
  tokens?: { inputTokens: number; outputTokens: number };
}

export interface LimitSetting {
  enabled: boolean;
  limit: number | null;
}

export interface WorkspaceSpec {
  planId: string;
  /** A plan change scheduled for the end of the period (R6); `free` is a cancellation. */
  scheduledPlanId?: string;
  /** The scenario's clock: "now" for the balance, the usage window and the renewal state. */
  now: string;
  /** When the current period started: the last renewal. */
  periodStart: string;
  /** Plan and rollover credits the last renewal carried into this period (R3–R5). */
  openingRollover: number;
  /** How long the period's allowance took to become spendable after the renewal (R7); 0 when omitted. */
  renewalDelayMinutes?: number;
  /** One-time purchases: grants that never expire (R17). */
  purchases?: { credits: number; at: string }[];
  /** Providers the workspace has its own API key for, and since when (R10). */
  ownKeys?: Record<string, { last4: string; since: string }>;
  history: ChargeBatch[];
  spendLimits?: { workbook?: Record<string, LimitSetting>; enrichment?: Record<string, LimitSetting> };
}

const dayMs = 86_400_000;
const toDay = (timestamp: string | number) => new Date(timestamp).toISOString().slice(0, 10);
const madeAt = (batch: ChargeBatch) => batch.at ?? `${batch.day}T12:00:00.000Z`;

function addMonths(start: Date, months: number): Date {
  const end = new Date(start);
  const day = start.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** The end of a period, as the server computes it: calendar months and years in UTC, or a number of days. */
/** The 402 a run or charge gets when the spendable balance does not cover it (R9, R14). */
function insufficientCredits(available: number) {
  const remaining = toCredits(available);
  const details = { scope: 'workspace', id: null, limit: remaining, spent: 0, remaining };
  return { outcome: 'refused', code: 'insufficient_credits', details } as const;
}

export function periodEndOf(plan: Plan, start: string): string {
  const from = new Date(start);
  if (plan.interval === 'month') return addMonths(from, 1).toISOString();
  if (plan.interval === 'year') return addMonths(from, 12).toISOString();
  return new Date(from.getTime() + (plan.periodDays ?? 0) * dayMs).toISOString();
}

interface GrantState {
  id: string;
  source: 'plan' | 'rollover' | 'purchased';
  credits: number;
  remaining: number;
  effectiveAt: string;
  expiresAt: string | null;
  createdAt: string;
}

/** R2: soonest expiry first, never-expiring grants last, then the oldest, then the smaller id. */
function compareBurnOrder(a: GrantState, b: GrantState): number {
  const aExpiry = a.expiresAt ? Date.parse(a.expiresAt) : Number.POSITIVE_INFINITY;
  const bExpiry = b.expiresAt ? Date.parse(b.expiresAt) : Number.POSITIVE_INFINITY;
  if (aExpiry !== bExpiry) return aExpiry < bExpiry ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What one batch cost, in thousandths: charged (refunded ones included), refunded and net. */
export interface BatchCost {
  /** The price of one paid charge: 0 with an own key (R10). */
  price: number;
  charged: number;
  refunded: number;
  net: number;
}

/** A charge or run the rules refuse: the 402's code and the limit it names. */
export type Refusal = { outcome: 'refused'; code: string; details: LimitDetails };

export type ChargeDecision = { outcome: 'charged' | 'own_key'; credits: number } | Refusal;

/** A live offline workspace: the answers of every route, and the changes a story may make. */
export interface Workspace {
  readonly now: string;
  readonly plan: Plan;
  balance(): Balance;
  grants(): Grant[];
  currentPlan(): CurrentPlan;
  plans(): Plan[];
  actions(ids?: readonly string[]): Action[];
  aiModels(): AiModel[];
  estimate(params: AiEstimateCreateParams): AiEstimate | undefined;
  integrations(): Integration[];
  usage(params: UsageParams): UsageReport;
  spendLimit(scope: 'workbook' | 'enrichment', id: string): SpendLimit;
  /** The spendable credits, in thousandths. */
  spendable(): number;
  setSpendLimit(scope: 'workbook' | 'enrichment', id: string, setting: LimitSetting): SpendLimit;
  setOwnKey(provider: string, last4: string | null): Integration | undefined;
  schedulePlanChange(planId: string): CurrentPlan;
  purchase(credits: number): Grant;
  /** Opens a run that reserves its budget out of the spendable balance (R9); refused beyond it. */
  openRun(params: AiRunCreateParams): { outcome: 'opened'; run: AiRun } | Refusal;
  run(runId: string): AiRun | undefined;
  /** Completes a run: what it did not spend is released (R9). */
  completeRun(runId: string): AiRun | undefined;
  /** Decides a charge as the server does (R9–R14) and records it when it goes through. */
  charge(params: {
    actionId: string;
    workbookId: string;
    enrichmentId?: string | undefined;
    runId?: string | undefined;
  }): ChargeDecision;
}

export function createWorkspace(spec: WorkspaceSpec): Workspace {
  const now = spec.now;
  const history: ChargeBatch[] = [...spec.history];
  const purchases = [...(spec.purchases ?? [])];
  const ownKeys = { ...spec.ownKeys };
  const limits = {
    workbook: { ...spec.spendLimits?.workbook },
    enrichment: { ...spec.spendLimits?.enrichment },
  };
  let scheduledPlanId = spec.scheduledPlanId ?? null;
  /** Open and completed runs; amounts in thousandths. */
  const runs = new Map<string, Omit<AiRun, 'budget' | 'spent' | 'remaining'> & { budget: number; spent: number }>();
  const reserved = () =>
    [...runs.values()].filter((run) => run.status === 'running').reduce((sum, run) => sum + run.budget - run.spent, 0);
  const runView = (runId: string): AiRun | undefined => {
    const run = runs.get(runId);
    if (!run) return undefined;
    const remaining = run.status === 'running' ? run.budget - run.spent : 0;
    return { ...run, budget: toCredits(run.budget), spent: toCredits(run.spent), remaining: toCredits(remaining) };
  };
  const plan = findPlan(spec.planId);
  const periodStart = new Date(spec.periodStart).toISOString();
  const periodEnd = periodEndOf(plan, periodStart);
  const allowanceEffectiveAt = new Date(Date.parse(periodStart) + (spec.renewalDelayMinutes ?? 0) * 60_000);

  const hasOwnKey = (provider: string, at: string) => {
    const key = ownKeys[provider];
    return key !== undefined && key.since <= at;
  };

  function unitPrice(action: CatalogueAction, tokens: ChargeBatch['tokens']): number {
    if (action.kind !== 'ai' || !action.model || !tokens) return toThousandths(action.credits);
    return toThousandths(estimateAiCost(findModel(action.model), tokens).perRow);
  }

  function costOf(batch: ChargeBatch): BatchCost {
    const action = findAction(batch.actionId);
    if (!action) throw new Error(`The scenario charges an unknown action "${batch.actionId}".`);
    const price = hasOwnKey(action.provider, madeAt(batch)) ? 0 : unitPrice(action, batch.tokens);
    const paid = batch.charges - (batch.deduplicated ?? 0);
    const refunded = batch.refunded ?? 0;
    if (paid < 0 || refunded > paid) throw new Error(`A batch of ${batch.actionId} refunds more than it charged.`);
    return { price, charged: paid * price, refunded: refunded * price, net: (paid - refunded) * price };
  }

  /** The current period's grants, with what every charge since the renewal took from them in burn order. */
  function grantStates(): GrantState[] {
    const grants: GrantState[] = [];
    const opening = toThousandths(spec.openingRollover);
    if (opening > 0) {
      grants.push({
        id: `grant_rollover_${toDay(periodStart)}`,
        source: 'rollover',
        credits: opening,
        remaining: opening,
        effectiveAt: periodStart,
        expiresAt: periodEnd,
        createdAt: periodStart,
      });
    }
    grants.push({
      id: `grant_plan_${toDay(periodStart)}`,
      source: 'plan',
      credits: toThousandths(plan.credits),
      remaining: toThousandths(plan.credits),
      effectiveAt: allowanceEffectiveAt.toISOString(),
      expiresAt: periodEnd,
      createdAt: periodStart,
    });
    for (const [index, purchase] of purchases.entries()) {
      const at = new Date(purchase.at).toISOString();
      grants.push({
        id: `grant_purchase_${index + 1}`,
        source: 'purchased',
        credits: toThousandths(purchase.credits),
        remaining: toThousandths(purchase.credits),
        effectiveAt: at,
        expiresAt: null,
        createdAt: at,
      });
    }
    const sincePeriodStart = history
      .filter((batch) => madeAt(batch) >= periodStart && madeAt(batch) <= now)
      .sort((a, b) => (madeAt(a) < madeAt(b) ? -1 : madeAt(a) > madeAt(b) ? 1 : 0));
    for (const batch of sincePeriodStart) {
      let left = costOf(batch).net;
      const at = madeAt(batch);
      const spendable = grants.filter((grant) => grant.remaining > 0 && grant.effectiveAt <= at).sort(compareBurnOrder);
      for (const grant of spendable) {
        const take = Math.min(left, grant.remaining);
        grant.remaining -= take;
        left -= take;
      }
      // R14: a scenario whose charges its balance could not pay for would show what cannot happen.
      if (left > 0) throw new Error(`The scenario spends more than its balance on ${batch.day} (${batch.actionId}).`);
    }
    return grants;
  }

  function balance(): Balance {
    const bySource = { plan: 0, rollover: 0, purchased: 0 };
    let pending = 0;
    let expectedBy: string | null = null;
    for (const grant of grantStates()) {
      if (grant.remaining <= 0) continue;
      if (grant.effectiveAt > now) {
        pending += grant.remaining;
        if (!expectedBy || grant.effectiveAt > expectedBy) expectedBy = grant.effectiveAt;
      } else {
        bySource[grant.source] += grant.remaining;
      }
    }
    const allowance = toThousandths(plan.credits);
    // What open runs hold in reserve is not spendable (R9).
    const total = bySource.plan + bySource.rollover + bySource.purchased;
    return {
      spendable: toCredits(Math.max(0, total - reserved())),
      pending: toCredits(pending),
      allowance: toCredits(allowance),
      rolloverCap: plan.rollover.policy === 'balance_cap' ? toCredits(plan.rollover.value * allowance) : null,
      periodStart,
      periodEnd,
      renewal: { status: expectedBy ? 'processing' : 'none', expectedBy },
      bySource: {
        plan: toCredits(bySource.plan),
        rollover: toCredits(bySource.rollover),
        purchased: toCredits(bySource.purchased),
      },
    };
  }

  function spentIn(scope: 'workbook' | 'enrichment', id: string): number {
    return history
      .filter((batch) => (scope === 'workbook' ? batch.workbookId : batch.enrichmentId) === id)
      .reduce((sum, batch) => sum + costOf(batch).net, 0);
  }

  function spendLimit(scope: 'workbook' | 'enrichment', id: string): SpendLimit {
    const setting = limits[scope][id];
    const spent = spentIn(scope, id);
    const limit = setting?.limit ?? null;
    return {
      scope,
      id,
      enabled: setting?.enabled ?? false,
      limit,
      spent: toCredits(spent),
      remaining: limit === null ? null : toCredits(Math.max(0, toThousandths(limit) - spent)),
    };
  }

  function actionView(action: CatalogueAction): Action {
    const ownKey = hasOwnKey(action.provider, now);
    return { ...action, ownKey, effectiveCredits: ownKey ? 0 : action.credits };
  }

  function usage(params: UsageParams): UsageReport {
    const to = params.to ?? toDay(now);
    const from = params.from ?? toDay(Date.parse(`${to}T00:00:00.000Z`) - 29 * dayMs);
    const rows = new Map<string, { charges: number; charged: number; refunded: number }>();
    for (const batch of history) {
      if (batch.day < from || batch.day > to || madeAt(batch) > now) continue;
      if (params.workbookId !== undefined && batch.workbookId !== params.workbookId) continue;
      const action = findAction(batch.actionId);
      if (!action) continue;
      const key = {
        day: batch.day,
        workbook: batch.workbookId,
        action: action.id,
        provider: action.provider,
        model: action.model,
      }[params.groupBy];
      // Grouped by model, only AI charges count (R18).
      if (key === null) continue;
      const cost = costOf(batch);
      const row = rows.get(key) ?? { charges: 0, charged: 0, refunded: 0 };
      rows.set(key, {
        charges: row.charges + batch.charges,
        charged: row.charged + cost.charged,
        refunded: row.refunded + cost.refunded,
      });
    }
    const view = (sums: { charges: number; charged: number; refunded: number }) => ({
      charges: sums.charges,
      charged: toCredits(sums.charged),
      refunded: toCredits(sums.refunded),
      net: toCredits(sums.charged - sums.refunded),
    });
    const sorted = [...rows.entries()].sort(([aKey, a], [bKey, b]) => {
      const byKey = aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
      // Days read as a timeline; every other grouping answers "where did the credits go", biggest first.
      if (params.groupBy === 'day') return byKey;
      return b.charged - b.refunded - (a.charged - a.refunded) || byKey;
    });
    const totals = sorted.reduce(
      (sum, [, row]) => ({
        charges: sum.charges + row.charges,
        charged: sum.charged + row.charged,
        refunded: sum.refunded + row.refunded,
      }),
      { charges: 0, charged: 0, refunded: 0 },
    );
    const data: UsageRow[] = sorted.map(([key, row]) => ({ key, ...view(row) }));
    return { groupBy: params.groupBy, from, to, data, totals: view(totals) };
  }

  const grantView = (grant: GrantState): Grant => ({
    ...grant,
    credits: toCredits(grant.credits),
    remaining: toCredits(grant.remaining),
  });

  const currentPlan = (): CurrentPlan => ({
    plan,
    periodStart,
    periodEnd,
    scheduledChange: scheduledPlanId ? { planId: scheduledPlanId, effectiveAt: periodEnd } : null,
  });

  const workspace: Workspace = {
    now,
    plan,
    balance,
    grants: () =>
      grantStates()
        .filter((grant) => grant.remaining > 0)
        .sort(compareBurnOrder)
        .map(grantView),
    currentPlan,
    plans: () => [...plans],
    actions: (ids) => (ids ? ids.map(findAction).filter((action) => action !== undefined) : actions).map(actionView),
    aiModels: () => models.map((model) => ({ ...model, ownKey: hasOwnKey(model.provider, now) })),
    estimate({ model: modelId, rows, inputTokens, prompt, outputTokens }) {
      const model = models.find((candidate) => candidate.id === modelId);
      if (!model) return undefined;
      // The server counts prompt tokens with a real tokenizer; offline, four characters make a token.
      const counted = inputTokens ?? Math.ceil((prompt ?? '').length / 4);
      const ownKey = hasOwnKey(model.provider, now);
      const { perRow, total } = ownKey
        ? { perRow: 0, total: 0 }
        : estimateAiCost(model, { inputTokens: counted, outputTokens }, rows);
      return { model: model.id, rows, inputTokens: counted, outputTokens, perRow, total, ownKey };
    },
    integrations: () =>
      providers.map((provider) => {
        const key = ownKeys[provider.id];
        return {
          provider: provider.id,
          name: provider.name,
          ownKey: key !== undefined,
          keyLast4: key?.last4 ?? null,
          updatedAt: key?.since ?? null,
        };
      }),
    usage,
    spendLimit,
    spendable: () => toThousandths(balance().spendable),
    setSpendLimit(scope, id, setting) {
      limits[scope][id] = setting;
      return spendLimit(scope, id);
    },
    setOwnKey(provider, last4) {
      if (!providers.some((candidate) => candidate.id === provider)) return undefined;
      if (last4 === null) delete ownKeys[provider];
      else ownKeys[provider] = { last4, since: now };
      return workspace.integrations().find((integration) => integration.provider === provider);
    },
    schedulePlanChange(planId) {
      findPlan(planId);
      scheduledPlanId = planId === plan.id ? null : planId;
      return currentPlan();
    },
    purchase(credits) {
      purchases.push({ credits, at: now });
      const bought = grantStates().find((grant) => grant.id === `grant_purchase_${purchases.length}`);
      if (!bought) throw new Error('The purchase made no grant.');
      return grantView(bought);
    },
    openRun({ runId, workbookId, enrichmentId, model, budget }) {
      const available = workspace.spendable();
      if (toThousandths(budget) > available) {
        return insufficientCredits(available);
      }
      runs.set(runId, {
        id: runId,
        workbookId,
        enrichmentId: enrichmentId ?? null,
        model: model ?? null,
        status: 'running',
        budget: toThousandths(budget),
        spent: 0,
        createdAt: now,
        completedAt: null,
      });
      const run = runView(runId);
      if (!run) throw new Error('The run was not opened.');
      return { outcome: 'opened', run };
    },
    run: runView,
    completeRun(runId) {
      const run = runs.get(runId);
      if (run) Object.assign(run, { status: 'completed', completedAt: now });
      return runView(runId);
    },
    charge({ actionId, workbookId, enrichmentId, runId }) {
      const action = findAction(actionId);
      if (!action) throw new Error(`No action "${actionId}".`);
      const day = toDay(now);
      const run = runId === undefined ? undefined : runs.get(runId);
      if (hasOwnKey(action.provider, now)) {
        history.push({ day, at: now, workbookId, ...(enrichmentId ? { enrichmentId } : {}), actionId, charges: 1 });
        return { outcome: 'own_key', credits: 0 };
      }
      const price = toThousandths(action.credits);
      // The order the server checks in: run budget (R9), enrichment limit (R12), workbook limit (R11), balance (R14).
      if (run && (run.status !== 'running' || run.spent + price > run.budget)) {
        // A completed run released what it did not spend: its budget is now what it spent.
        const limit = run.status === 'running' ? run.budget : run.spent;
        const details = {
          scope: 'run',
          id: run.id,
          limit: toCredits(limit),
          spent: toCredits(run.spent),
          remaining: toCredits(Math.max(0, limit - run.spent)),
        };
        return {
          outcome: 'refused',
          code: run.status === 'running' ? 'run_budget_exhausted' : 'run_completed',
          details,
        };
      }
      const checks: ['enrichment' | 'workbook', string | undefined, string][] = [
        ['enrichment', enrichmentId, 'enrichment_limit_reached'],
        ['workbook', workbookId, 'workbook_limit_reached'],
      ];
      for (const [scope, id, code] of checks) {
        if (id === undefined) continue;
        const setting = limits[scope][id];
        const spent = spentIn(scope, id);
        if (setting?.enabled && setting.limit !== null && spent + price > toThousandths(setting.limit)) {
          const limit = toThousandths(setting.limit);
          const details = {
            scope,
            id,
            limit: toCredits(limit),
            spent: toCredits(spent),
            remaining: toCredits(Math.max(0, limit - spent)),
          };
          return { outcome: 'refused', code, details };
        }
      }
      // A run's own reservation pays for its charges; other runs' reservations are not spendable.
      const available = workspace.spendable() + (run ? run.budget - run.spent : 0);
      if (price > available) {
        return insufficientCredits(available);
      }
      if (run) run.spent += price;
      history.push({ day, at: now, workbookId, ...(enrichmentId ? { enrichmentId } : {}), actionId, charges: 1 });
      return { outcome: 'charged', credits: action.credits };
    },
  };
  return workspace;
}
