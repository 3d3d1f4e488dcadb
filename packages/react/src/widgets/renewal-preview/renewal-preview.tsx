import type { Plan } from '@creditkit/sdk';
import { type ReactNode, useId } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { useRenewalPreview } from '../../hooks/use-renewal-preview';
import type { CreditAmountMessage } from '../../messages/credit-messages';
import { englishBalance } from '../../messages/english/balance';
import { englishCommon } from '../../messages/english/common';
import { englishRenewal } from '../../messages/english/renewal';
import { LoadFailure } from '../load-failure/load-failure';

/** The props of `<RenewalPreview>`: it reads everything else from `<CreditProvider>`. */
export interface RenewalPreviewProps {
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/**
 * What the next renewal keeps and what expires under the plan's rollover rule (R3–R5), with the
 * date it happens, the plan it renews into (R6) and the balance after it, so nobody loses credits by
 * surprise. Follows the balance live.
 *
 * `data-state`: `loading` · `loaded` · `error`; `data-forfeits` is present while credits would expire.
 *
 */
export function RenewalPreview({ theme, className }: RenewalPreviewProps): ReactNode {
  const { data, status, refetch } = useRenewalPreview();
  const messages = useMessageGroup('renewal', englishRenewal);
  const balance = useMessageGroup('balance', englishBalance);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatDate, locale } = useCreditFormat();
  const id = useId();
  const amount = (message: CreditAmountMessage, credits: number) => message(formatCredits(credits), credits);

  /** The rule of one plan, in words; a rule this kit does not know says nothing rather than guess. */
  const ruleOf = ({ rollover: { policy, value }, credits }: Plan) =>
    policy === 'balance_cap'
      ? amount(messages.ruleBalanceCap, value * credits)
      : policy === 'unused_percent'
        ? messages.ruleUnusedPercent(new Intl.NumberFormat(locale, { style: 'percent' }).format(value / 100))
        : policy === 'fixed_max'
          ? amount(messages.ruleFixedMax, value)
          : '';
  // Both plans' rules hold at a change of plan (R6); the same plan states its rule once.
  const rules = data ? [...new Set([ruleOf(data.plan), ruleOf(data.nextPlan)])].filter(Boolean) : [];

  return (
    <section
      className={`ck-root ck-renewal-preview ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={data ? 'loaded' : status}
      data-forfeits={data && data.forfeited > 0 ? '' : undefined}
      aria-labelledby={`${id}t`}
      aria-busy={status === 'loading' || undefined}
    >
      <h2 id={`${id}t`} className="ck-renewal-preview__title">
        {messages.title}
      </h2>
      {data ? (
        <>
          <p>{balance.renewsOn(formatDate(data.renewsAt))}</p>
          {data.nextPlan.id !== data.plan.id && <p>{messages.nextPlan(data.nextPlan.name)}</p>}
          <ul className="ck-renewal-preview__outcomes">
            <li data-outcome="kept">{amount(messages.keeps, data.kept)}</li>
            <li data-outcome="forfeited">{amount(messages.forfeits, data.forfeited)}</li>
            {data.purchased > 0 && <li data-outcome="purchased">{amount(messages.purchasedKept, data.purchased)}</li>}
            {data.granted > 0 && <li data-outcome="granted">{amount(messages.grantedKept, data.granted)}</li>}
            {data.grantedExpiring > 0 && (
              <li data-outcome="granted-expiring">{amount(messages.grantedExpiring, data.grantedExpiring)}</li>
            )}
            <li data-outcome="allowance">{amount(messages.newAllowance, data.newAllowance)}</li>
          </ul>
          <p className="ck-renewal-preview__after">{amount(messages.balanceAfter, data.balanceAfter)}</p>
          {rules.map((rule) => (
            <p key={rule} className="ck-renewal-preview__rule">
              {rule}
            </p>
          ))}
        </>
      ) : status === 'loading' ? (
        <p role="status">{common.loading}</p>
      ) : (
        <LoadFailure onRetry={() => void refetch()} />
      )}
    </section>
  );
}
