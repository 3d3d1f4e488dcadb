import { toCredits, toThousandths } from '@creditkit/rules';
import { NotFoundError } from '@creditkit/sdk';
import { type ReactNode, useId } from 'react';
import { useActionCosts } from '../../hooks/use-action-costs';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishCommon } from '../../messages/english/common';
import { englishCostBadge } from '../../messages/english/cost-badge';
import { englishFillRate } from '../../messages/english/fill-rate';
import { LoadFailure } from '../load-failure/load-failure';

/** One field of an audience, counted by the host's data layer. */
export interface FillRateField {
  /** The field's key in the host's data (`email`, `title`); unique within `fields`. */
  field: string;
  /** The field's name as the reader sees it: `Work email`. */
  label: string;
  /** How many records of the audience have the field: a whole number, at most `audienceSize`. */
  filled: number;
  /** The action that fills the field (`find-work-email`); without one here or in `actionIds`, the gaps cost nothing to show. */
  actionId?: string;
}

/** The props of `<FillRate>`: the host counts the records; the kit prices the gaps. */
export interface FillRateProps {
  /** How many records the audience has. */
  audienceSize: number;
  /** The fields to rate, in the order shown. */
  fields: readonly FillRateField[];
  /**
   * The action that fills each field, by field key, for hosts that keep the enrichment set-up apart from
   * the counts: `{ email: 'find-work-email' }`. A field's own `actionId` wins.
   */
  actionIds?: Readonly<Record<string, string>>;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

type CostState = 'none' | 'complete' | 'loading' | 'error' | 'priced';

/**
 * The Data Hub's fill rate (R22): for each field of an audience, how many records have it (a meter and
 * an Intl percentage), how many lack it, and what filling the gaps would cost: missing records × the
 * action's effective cost, so 0 with the workspace's own key (R10). The server never charges a record
 * twice for a field (R13), so the figures are upper bounds. All action costs load in one request.
 *
 * `data-state`: the root `loading` · `ready` · `empty` · `error`; each row `complete` · `incomplete`; each
 * cost cell `none` (no action) · `complete` · `loading` · `error` · `priced`.
 */
export function FillRate({ audienceSize, fields, actionIds, theme, className }: FillRateProps): ReactNode {
  const text = useMessageGroup('fillRate', englishFillRate);
  const common = useMessageGroup('common', englishCommon);
  const costBadge = useMessageGroup('costBadge', englishCostBadge);
  const { locale, formatCount, formatCredits } = useCreditFormat();
  const id = useId();
  const rows = fields.map((entry) => {
    const filled = Math.min(Math.max(entry.filled, 0), audienceSize);
    return { ...entry, actionId: entry.actionId ?? actionIds?.[entry.field], filled, missing: audienceSize - filled };
  });
  const { costs, retryFailed } = useActionCosts(rows.flatMap((row) => (row.actionId ? [row.actionId] : [])));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const credits = (thousandths: number) => text.fillCost(formatCredits(toCredits(thousandths)), toCredits(thousandths));

  const labels = {
    none: text.noAction,
    complete: text.complete,
    loading: common.loading,
    error: costBadge.unknownAction,
  };
  const priced = rows.map((row) => {
    const cost = row.actionId ? costs.get(row.actionId) : undefined;
    const state: CostState = !cost
      ? 'none'
      : row.missing === 0
        ? 'complete'
        : cost.status === 'success'
          ? 'priced'
          : cost.status;
    // In thousandths, as the API counts, so the sum of many rows stays exact.
    const thousandths = state === 'priced' && cost?.data ? toThousandths(cost.data.effectiveCredits) * row.missing : 0;
    const retryable = state === 'error' && !NotFoundError.is(cost?.error);
    const label = state !== 'priced' ? labels[state] : cost?.data?.ownKey ? costBadge.freeOwnKey : credits(thousandths);
    return { ...row, state, thousandths, retryable, cost: label };
  });
  const totalState = priced.some((row) => row.state === 'error')
    ? 'error'
    : priced.some((row) => row.state === 'loading')
      ? 'loading'
      : 'priced';
  const sum = (count: (row: (typeof priced)[number]) => number) => priced.reduce((total, row) => total + count(row), 0);
  const empty = rows.length === 0 || audienceSize <= 0;
  const total = totalState === 'priced' ? credits(sum((row) => row.thousandths)) : labels[totalState];

  return (
    <div
      className={className ? `ck-root ck-fill-rate ${className}` : 'ck-root ck-fill-rate'}
      data-theme={theme}
      data-state={empty ? 'empty' : totalState === 'priced' ? 'ready' : totalState}
    >
      {empty ? (
        <p className="ck-fill-rate-empty">{text.empty}</p>
      ) : (
        <table className="ck-fill-rate-table" aria-busy={totalState === 'loading'}>
          <caption>{text.title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.field}</th>
              <th scope="col">{text.fillRate}</th>
              <th scope="col">{text.missing}</th>
              <th scope="col">{text.creditsToFill}</th>
            </tr>
          </thead>
          <tbody>
            {priced.map((row, index) => {
              const rate = percent.format(row.filled / audienceSize);
              return (
                <tr key={row.field} data-state={row.missing === 0 ? 'complete' : 'incomplete'}>
                  <th scope="row" id={`${id}-${index}`}>
                    {row.label}
                  </th>
                  <td>
                    <meter
                      className="ck-fill-rate-meter"
                      aria-labelledby={`${id}-${index}`}
                      aria-valuetext={rate}
                      min={0}
                      max={audienceSize}
                      value={row.filled}
                    />
                    <span className="ck-fill-rate-percent">{rate}</span>
                    <span className="ck-fill-rate-count">
                      {text.filled(formatCount(row.filled), formatCount(audienceSize), row.filled, audienceSize)}
                    </span>
                  </td>
                  <td>{formatCount(row.missing)}</td>
                  <td data-state={row.state}>{row.cost}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{text.total}</th>
              <td />
              <td>{formatCount(sum((row) => row.missing))}</td>
              <td data-state={totalState}>{total}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {priced.some((row) => row.retryable) && <LoadFailure onRetry={retryFailed} />}
    </div>
  );
}
