import type { FormatCreditsOptions } from '@creditkit/sdk';
import type { ReactNode } from 'react';
import type { CreditAmountMessage } from '../../messages/credit-messages';

/** From here up a headline writes the amount short (`1.2M`, `250K`): the full figure would crowd the card. */
const compactFrom = 100_000;
/** From here up a headline keeps one decimal: `49,998.5`, not `49,998.537`. */
const oneDecimalFrom = 1_000;
/** Stands in for the figure while the sentence is written, so the figure can be set apart in any language. */
const figureMark = '\u2063';

/** How a headline writes a balance: compact from 100,000, one decimal from 1,000, every decimal below. */
export function headlineFormat(amount: number): FormatCreditsOptions {
  const size = Math.abs(amount);
  if (size >= compactFrom) return { notation: 'compact', maximumFractionDigits: 1 };
  if (size >= oneDecimalFrom) return { maximumFractionDigits: 1 };
  return {};
}

/** A balance headline: the sentence shown, its figure set apart; the exact sentence when the figure is short. */
export interface Headline {
  shown: ReactNode;
  exact: string;
  /** True when the figure shown is rounded or compact: the exact sentence then goes beside it. */
  short: boolean;
}

/**
 * The headline for `amount` in the pack's own sentence (`message`): its figure in a span of its own that never
 * wraps (large figures written short), the words around it free to wrap below in a narrow card.
 */
export function headlineOf(
  amount: number,
  message: CreditAmountMessage,
  formatCredits: (credits: number, options?: FormatCreditsOptions) => string,
): Headline {
  const exact = message(formatCredits(amount), amount);
  const figure = formatCredits(amount, headlineFormat(amount));
  const [before, after] = message(figureMark, amount).split(figureMark);
  const shown =
    after === undefined ? (
      message(figure, amount)
    ) : (
      <>
        {before}
        <span className="ck-balance__figure">{figure}</span>
        {after}
      </>
    );
  return { shown, exact, short: message(figure, amount) !== exact };
}
