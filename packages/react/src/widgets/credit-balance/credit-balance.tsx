import type { Balance } from '@creditkit/sdk';
import { type ReactNode, useId } from 'react';
import { useBalance } from '../../hooks/use-balance';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import type { CreditAmountMessage } from '../../messages/credit-messages';
import { englishBalance } from '../../messages/english/balance';
import { englishCommon } from '../../messages/english/common';
import { LoadFailure } from '../load-failure/load-failure';
import { headlineOf } from './headline-amount';

/** The props of `<CreditBalance>`: it reads everything else from `<CreditProvider>`. */
export interface CreditBalanceProps {
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

type Source = keyof Balance['bySource'];

/** Each source's part of the meter, side by side, in percent of `max`. */
function segments(bySource: Balance['bySource'], max: number) {
  let x = 0;
  return (['plan', 'rollover', 'purchased', 'granted'] as const satisfies readonly Source[]).map((source) => {
    const width = max > 0 ? (bySource[source] / max) * 100 : 0;
    const segment = { source, x, width };
    x += width;
    return segment;
  });
}

/**
 * The workspace's credits (R1, R3, R7): a meter of the spendable credits against the plan allowance,
 * split by source (plan, rollover, purchased, and granted credits when there are some, R28), the rollover cap,
 * pending credits and the renewal date.
 * While a renewal is processing it says the credits may take up to 2 hours instead of alarming with a
 * low balance. Follows the balance live and announces a new spendable amount politely.
 *
 * `data-state`: `loading` · `loaded` · `processing` · `error`.
 */
export function CreditBalance({ theme, className }: CreditBalanceProps): ReactNode {
  const { data, status, refetch } = useBalance();
  const messages = useMessageGroup('balance', englishBalance);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatDate } = useCreditFormat();
  const id = useId();
  const amount = (message: CreditAmountMessage, credits: number) => message(formatCredits(credits), credits);
  const expectedBy = data?.renewal.status === 'processing' ? data.renewal.expectedBy : undefined;
  const state = data ? (expectedBy !== undefined ? 'processing' : 'loaded') : status;
  // Rollover, purchases and granted credits can take the sources past the allowance: the meter then fills to what
  // is there. Open AI runs reserve part of what the sources hold, so spendable never passes their sum.
  const max = data
    ? Math.max(
        data.allowance,
        data.bySource.plan + data.bySource.rollover + data.bySource.purchased + data.bySource.granted,
      )
    : 0;
  const sources = [
    ['plan', messages.sourcePlan],
    ['rollover', messages.sourceRollover],
    ['purchased', messages.sourcePurchased],
    // A workspace that was never granted credits is not told about them.
    ...(data && data.bySource.granted > 0 ? ([['granted', messages.sourceGranted]] as const) : []),
  ] as const;

  const headline = headlineOf(data?.spendable ?? 0, messages.spendable, formatCredits);

  return (
    <section
      className={`ck-root ck-balance ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={state}
      aria-labelledby={`${id}t`}
      aria-busy={state === 'loading' || undefined}
    >
      <h2 id={`${id}t`} className="ck-balance__title">
        {messages.title}
      </h2>
      {data ? (
        <>
          {/* Present from the first answer on, so each later change of the amount is announced. */}
          <p
            className="ck-balance__spendable"
            aria-live="polite"
            aria-atomic="true"
            title={headline.short ? headline.exact : undefined}
          >
            {/* The figure set apart for the eye; the plain sentence, exact, for assistive technology. */}
            <span aria-hidden="true">{headline.shown}</span>
            <span className="ck-visually-hidden">{headline.exact}</span>
          </p>
          {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> draws one value, not the three sources it is made of */}
          <div
            className="ck-balance__meter"
            role="meter"
            aria-labelledby={`${id}t`}
            aria-describedby={`${id}a`}
            aria-valuemin={0}
            aria-valuemax={max}
            aria-valuenow={data.spendable}
            aria-valuetext={amount(messages.spendable, data.spendable)}
          >
            {/* SVG geometry, not inline styles: a strict CSP blocks style attributes in server-rendered HTML. */}
            <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              {segments(data.bySource, max).map(({ source, x, width }) => (
                <rect
                  key={source}
                  className="ck-balance__segment"
                  data-source={source}
                  x={x}
                  width={width}
                  height={1}
                />
              ))}
            </svg>
          </div>
          <p id={`${id}a`}>{amount(messages.allowance, data.allowance)}</p>
          {expectedBy !== undefined && (
            <p className="ck-balance__notice" role="status">
              {messages.renewalProcessing}{' '}
              {expectedBy &&
                messages.renewalExpectedBy(formatDate(expectedBy, { dateStyle: 'medium', timeStyle: 'short' }))}
            </p>
          )}
          <dl className="ck-balance__sources">
            {sources.map(([source, label]) => (
              <div key={source} data-source={source}>
                <dt>{label}</dt>
                <dd>{amount(common.credits, data.bySource[source])}</dd>
              </div>
            ))}
          </dl>
          {data.pending > 0 && <p>{amount(messages.pending, data.pending)}</p>}
          {data.rolloverCap !== null && <p>{amount(messages.rolloverCap, data.rolloverCap)}</p>}
          <p>{messages.renewsOn(formatDate(data.periodEnd))}</p>
        </>
      ) : state === 'loading' ? (
        <p role="status">{common.loading}</p>
      ) : (
        <LoadFailure onRetry={() => void refetch()} />
      )}
    </section>
  );
}
