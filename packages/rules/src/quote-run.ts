import type { Thousandths } from './amounts';
import { applyDebits } from './burn-order';
import { type ChargeContext, type ChargeDecision, decideCharge, spendableBalance } from './charge';
import type { Debit, LimitState, Refusal } from './types';

/**
 * What a quoted row would become (R23): `charge` costs the price; `already_paid` is deduplicated (R13) and
 * `own_key` free by the workspace's own key (R10), both at 0; `not_reached` comes after the row the run stops at.
 */
export type QuotedRowOutcome = 'charge' | 'already_paid' | 'own_key' | 'not_reached';

/**
 * A run to quote: one action at one price, charged row after row into the same workbook, enrichment and run,
 * as the charges of the run will be. Rows differ only in whether the action was already paid on their record.
 */
export interface RunQuoteInput extends Omit<ChargeContext, 'paidBy'> {
  /**
   * One entry per row, in the order the run charges them: the charge that already paid for the action on the
   * row's record and field (R13), or null.
   */
  paidBy: readonly (string | null)[];
}

/** Where a run would stop: the refusal its next charge would meet, and how many rows went through before it. */
export interface QuoteStop {
  refusal: Refusal;
  afterRows: number;
}

/** What a run would do, row by row, decided as its charges would be (R23). */
export interface RunQuote {
  /** Each row's outcome, in the order given. */
  outcomes: QuotedRowOutcome[];
  chargedRows: number;
  alreadyPaidRows: number;
  ownKeyRows: number;
  notReachedRows: number;
  /** What the charged rows take in all. */
  credits: Thousandths;
  /** What the run could spend before it starts: the spendable balance less other open runs' reservations. */
  balance: Thousandths;
  /** The same after the run's charges. */
  balanceAfter: Thousandths;
  stop: QuoteStop | null;
}

const quotedOutcome = {
  charged: 'charge',
  deduplicated: 'already_paid',
  own_key: 'own_key',
} as const satisfies Record<Exclude<ChargeDecision['outcome'], 'refused'>, QuotedRowOutcome>;

const spendMore = (limit: LimitState | null, price: Thousandths): LimitState | null =>
  limit && { ...limit, spent: limit.spent + price };

/**
 * A charged row's effect on what the next row is decided against: its debits leave the grants (R2) and its
 * price counts against the run's budget (R9) and the enrichment's and workbook's spend (R11, R12).
 */
function afterCharge(context: ChargeContext, debits: readonly Debit[]): ChargeContext {
  const { price, run } = context;
  return {
    ...context,
    grants: applyDebits(context.grants, debits),
    run: run && { ...run, spent: run.spent + price },
    enrichmentLimit: spendMore(context.enrichmentLimit, price),
    workbookLimit: spendMore(context.workbookLimit, price),
  };
}

/**
 * R23: quotes a run by deciding each row with `decideCharge`, exactly as its charge will be decided, each
 * against the state the rows before it leave; the first refusal stops the run and the rows after it are
 * not reached. Nothing is charged: this reads plain data and returns plain data.
 */
export function quoteRun(input: RunQuoteInput): RunQuote {
  const { paidBy, ...run } = input;
  let context: ChargeContext = { ...run, paidBy: null };
  const outcomes: QuotedRowOutcome[] = [];
  const counts = { charge: 0, already_paid: 0, own_key: 0 };
  let credits = 0;
  let stop: QuoteStop | null = null;
  for (const paid of paidBy) {
    const decision = decideCharge({ ...context, paidBy: paid });
    if (decision.outcome === 'refused') {
      stop = { refusal: decision, afterRows: outcomes.length };
      break;
    }
    const outcome = quotedOutcome[decision.outcome];
    outcomes.push(outcome);
    counts[outcome] += 1;
    if (decision.outcome === 'charged') {
      credits += context.price;
      context = afterCharge(context, decision.debits);
    }
  }
  const notReachedRows = paidBy.length - outcomes.length;
  for (let row = 0; row < notReachedRows; row += 1) outcomes.push('not_reached');
  return {
    outcomes,
    chargedRows: counts.charge,
    alreadyPaidRows: counts.already_paid,
    ownKeyRows: counts.own_key,
    notReachedRows,
    credits,
    balance: spendableBalance(input.grants, input.reservedByOtherRuns, input.now),
    balanceAfter: spendableBalance(context.grants, input.reservedByOtherRuns, input.now),
    stop,
  };
}
