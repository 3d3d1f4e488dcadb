import { type ReactNode, useEffect, useId, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { useUsage } from '../../hooks/use-usage';
import type { UsagePeriod } from '../../messages/credit-messages';
import { englishCommon } from '../../messages/english/common';
import { englishUsage } from '../../messages/english/usage';
import { LoadFailure } from '../load-failure/load-failure';
import { downloadText } from './download-text';
import { periodDates, usagePeriods } from './period-dates';
import { UsageChart } from './usage-chart';
import { UsageRowName } from './usage-row-name';
import { type UsageTableGroup, usageTableGroups } from './usage-table-group';

/** The props of `<CreditUsage>`: the period, an optional workbook, and the table's grouping. */
export interface CreditUsageProps {
  /**
   * First day of the period, `YYYY-MM-DD`, set by the host: the widget's own period control is then left out.
   * Default: 29 days before `to`.
   */
  from?: string;
  /** Last day of the period, inclusive, `YYYY-MM-DD`, set by the host. Default: today, by the API's clock (UTC). */
  to?: string;
  /** The period the widget's own control starts on when the host sets neither `from` nor `to`. Default `last30`. */
  defaultPeriod?: UsagePeriod;
  /** Only this workbook's charges. */
  workbookId?: string;
  /** The table's grouping, controlled: pair it with `onGroupByChange`. */
  groupBy?: UsageTableGroup;
  /** The table's first grouping when uncontrolled. Default `workbook`. */
  defaultGroupBy?: UsageTableGroup;
  /** Called with the grouping the reader picks, whether `groupBy` is controlled or not. */
  onGroupByChange?: (groupBy: UsageTableGroup) => void;
  /**
   * The host's name for a row, such as a workbook's title; `undefined` keeps the default: an action's or a
   * model's name from the API, a workbook's or a provider's id. The CSV keeps the ids.
   */
  rowLabel?: (group: UsageTableGroup, id: string) => string | undefined;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/**
 * The usage view (R18): net credits per day as a bar chart, a table of charges, charged, refunded and net
 * credits by workbook, action, provider, model or trigger (R24), and the table as a CSV download from the API's export.
 * The grouping is controlled (`groupBy` + `onGroupByChange`) or not (`defaultGroupBy`).
 *
 * `data-state`: the root `loading` · `ready` · `empty` · `error`; each grouping option `checked` · `unchecked`;
 * the download button `idle` · `downloading` · `failed`.
 */
export function CreditUsage(props: CreditUsageProps): ReactNode {
  const { workbookId, onGroupByChange, rowLabel, theme, className } = props;
  // The host's period, or the widget's own control.
  const hostPeriod = props.from !== undefined || props.to !== undefined;
  const [period, setPeriod] = useState<UsagePeriod>(props.defaultPeriod ?? 'last30');
  // The API's own "today" (its clock decides the default period's end), kept from its first answer, so a
  // period the control picks ends on the same day the default did, whatever the reader's clock says.
  const [apiToday, setApiToday] = useState<string | undefined>();
  const { from, to } = hostPeriod
    ? props
    : period === 'last30'
      ? { from: undefined, to: undefined }
      : periodDates(period, apiToday ? new Date(`${apiToday}T12:00:00Z`) : new Date());
  const periodId = useId();
  const text = useMessageGroup('usage', englishUsage);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatCount } = useCreditFormat();
  const [ownGroupBy, setOwnGroupBy] = useState<UsageTableGroup>(props.defaultGroupBy ?? 'workbook');
  const groupBy = props.groupBy ?? ownGroupBy;
  const radioName = useId();
  const [download, setDownload] = useState<'idle' | 'downloading' | 'failed'>('idle');
  const days = useUsage({ groupBy: 'day', from, to, workbookId });
  const table = useUsage({ groupBy, from, to, workbookId });
  const answeredToday = !hostPeriod && period === 'last30' ? days.data?.to : undefined;
  useEffect(() => {
    if (answeredToday) setApiToday(answeredToday);
  }, [answeredToday]);

  const titles: Record<UsageTableGroup, string> = {
    workbook: text.byWorkbook,
    action: text.byAction,
    provider: text.byProvider,
    model: text.byModel,
    trigger: text.byTrigger,
  };
  const keyColumns: Record<UsageTableGroup, string> = {
    workbook: text.columnWorkbook,
    action: text.columnAction,
    provider: text.columnProvider,
    model: text.columnModel,
    trigger: text.columnTrigger,
  };
  const failed = [days, table].some((report) => report.status === 'error' && !report.data);
  const state = failed ? 'error' : !days.data ? 'loading' : days.data.data.length ? 'ready' : 'empty';
  const loading = state === 'loading' || (state === 'ready' && !table.data);

  const saveCsv = async () => {
    if (download === 'downloading' || !table.data) return;
    setDownload('downloading');
    try {
      const csv = await table.exportCsv();
      downloadText(csv, `credit-usage-${groupBy}-${table.data.from}-${table.data.to}.csv`, 'text/csv');
      setDownload('idle');
    } catch {
      setDownload('failed');
    }
  };
  const cells = (row: { charges: number; charged: number; refunded: number; net: number }) => (
    <>
      <td>{formatCount(row.charges)}</td>
      <td>{formatCredits(row.charged)}</td>
      <td>{formatCredits(row.refunded)}</td>
      <td>{formatCredits(row.net)}</td>
    </>
  );

  return (
    <section
      aria-label={text.title}
      className={className ? `ck-root ck-usage ${className}` : 'ck-root ck-usage'}
      data-theme={theme}
      data-state={state}
    >
      {!hostPeriod && (
        <p className="ck-usage-period">
          <label htmlFor={periodId}>{text.period}</label>
          <select id={periodId} value={period} onChange={(event) => setPeriod(event.target.value as UsagePeriod)}>
            {usagePeriods.map((option) => (
              <option key={option} value={option}>
                {text.periods[option]}
              </option>
            ))}
          </select>
        </p>
      )}
      <p role="status" className="ck-usage-status">
        {loading && common.loading}
      </p>
      {state === 'error' && <LoadFailure onRetry={() => void Promise.all([days.refetch(), table.refetch()])} />}
      {state === 'empty' && <p className="ck-usage-empty">{text.empty}</p>}
      {state === 'ready' && days.data && (
        <>
          <UsageChart report={days.data} />
          <fieldset className="ck-usage-groups">
            <legend>{text.groupLabel}</legend>
            {usageTableGroups.map((group) => (
              <label key={group} data-state={group === groupBy ? 'checked' : 'unchecked'}>
                <input
                  type="radio"
                  name={radioName}
                  value={group}
                  checked={group === groupBy}
                  onChange={() => {
                    setOwnGroupBy(group);
                    onGroupByChange?.(group);
                  }}
                />
                {titles[group]}
              </label>
            ))}
          </fieldset>
          {table.data &&
            (table.data.data.length ? (
              <table className="ck-usage-table">
                <caption>{titles[groupBy]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{keyColumns[groupBy]}</th>
                    <th scope="col">{text.columnCharges}</th>
                    <th scope="col">{text.columnCharged}</th>
                    <th scope="col">{text.columnRefunded}</th>
                    <th scope="col">{text.columnNet}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.data.data.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">
                        <UsageRowName group={groupBy} id={row.key} rowLabel={rowLabel} />
                      </th>
                      {cells(row)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{text.total}</th>
                    {cells(table.data.totals)}
                  </tr>
                </tfoot>
              </table>
            ) : (
              <p className="ck-usage-empty">{text.empty}</p>
            ))}
          <button type="button" className="ck-usage-download" data-state={download} onClick={saveCsv}>
            {text.downloadCsv}
          </button>
          {download === 'failed' && <p role="alert">{text.downloadFailed}</p>}
        </>
      )}
    </section>
  );
}
