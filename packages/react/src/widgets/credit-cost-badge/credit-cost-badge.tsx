import { toCredits, toThousandths } from '@creditkit/rules';
import { NotFoundError } from '@creditkit/sdk';
import { type ReactNode, useId } from 'react';
import { useActionCost } from '../../hooks/use-action-cost';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishCommon } from '../../messages/english/common';
import { englishCostBadge } from '../../messages/english/cost-badge';

/** The props of `<CreditCostBadge>`: it reads everything else from `<CreditProvider>`. */
export interface CreditCostBadgeProps {
  /** The action to price, as the API names it: `find-work-email`. */
  actionId: string;
  /** A whole number of rows: the badge then shows what a run over them costs instead of one row's price. */
  rows?: number;
  /**
   * Shows the provider and data type after the cost, as secondary text (the default). `false` keeps them to the
   * badge's description and a pointer's tooltip, for panels too dense for them.
   */
  showDetails?: boolean;
  /** Opt-in dark theme, set as `data-theme` on the badge's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/**
 * What an action costs before it runs (R8): "2 credits", "Free", "Free · own key" when the workspace's
 * own key pays (R10), "≈0.28 credits / row" for AI actions (R9), or the run's total for `rows`. The provider
 * and the data type follow as secondary text and describe the badge. Hundreds on one panel share one request.
 *
 * `data-state`: `loading` · `priced` · `free` · `own-key` · `not-found` · `error`; `data-kind`: `lookup` · `ai`;
 * `data-details`: `visible` · `hidden`.
 */
export function CreditCostBadge({
  actionId,
  rows,
  showDetails = true,
  theme,
  className,
}: CreditCostBadgeProps): ReactNode {
  const { data: action, status, error } = useActionCost(actionId);
  const costBadge = useMessageGroup('costBadge', englishCostBadge);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatCount } = useCreditFormat();
  const descriptionId = useId();
  const root = { className: `ck-root ck-cost-badge ${className ?? ''}`.trim(), 'data-theme': theme };

  // A failed revalidation keeps the last price, which is still worth showing.
  if (!action) {
    const state = status === 'loading' ? 'loading' : NotFoundError.is(error) ? 'not-found' : 'error';
    const text = { loading: common.loading, 'not-found': costBadge.unknownAction, error: common.loadFailed }[state];
    // No live region: announcing hundreds of badges as they load would drown the page.
    return (
      <span {...root} data-state={state} aria-busy={state === 'loading' || undefined}>
        {text}
      </span>
    );
  }

  const { effectiveCredits: credits, ownKey, kind, provider } = action;
  const state = ownKey ? 'own-key' : credits === 0 ? 'free' : 'priced';
  // In thousandths, as the server charges each row, so a total never drifts by a float's rounding.
  const total = rows === undefined ? 0 : toCredits(toThousandths(credits) * rows);
  const cost =
    state === 'own-key'
      ? costBadge.freeOwnKey
      : state === 'free'
        ? costBadge.free
        : rows !== undefined
          ? costBadge.total(formatCredits(total), total, formatCount(rows), rows)
          : (kind === 'ai' ? costBadge.perRow : costBadge.cost)(formatCredits(credits), credits);
  const details = costBadge.details(provider, action.dataType);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> groups form controls and cannot sit inline; the group gives the badge its name and description
    <span
      {...root}
      role="group"
      aria-label={costBadge.label(action.name, cost)}
      aria-describedby={ownKey ? `${descriptionId}p ${descriptionId}k` : `${descriptionId}p`}
      data-state={state}
      data-kind={kind}
      data-details={showDetails ? 'visible' : 'hidden'}
      title={showDetails ? undefined : details}
    >
      {cost}
      <span className="ck-cost-badge__details">
        <span id={`${descriptionId}p`}>{details}</span>
        {ownKey && <span id={`${descriptionId}k`}>{costBadge.ownKeyHint(provider)}</span>}
      </span>
    </span>
  );
}
