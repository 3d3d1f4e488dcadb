import type { ChargeTrigger, UsageActivity } from '@creditkit/sdk';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useActionCost } from '../../hooks/use-action-cost';
import { useCreditActivity } from '../../hooks/use-credit-activity';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { useUsage } from '../../hooks/use-usage';
import { englishActivity } from '../../messages/english/activity';
import { englishCommon } from '../../messages/english/common';
import { englishUsage } from '../../messages/english/usage';
import { LoadFailure } from '../load-failure/load-failure';
import { groupActivityByDay } from './activity-days';
import { activitySentence } from './activity-sentence';

/** The periods the activity can cover, in days ending today: the API reads at most 92 days a request. */
const activityPeriods: readonly ActivityPeriodDays[] = [7, 30, 90];
/** A period the activity can cover, in days ending today. */
export type ActivityPeriodDays = 7 | 30 | 90;

/** The props of `<CreditActivity>`: how the host names things, and the filters' first values. */
export interface CreditActivityProps {
  /**
   * The host's name for a workbook: workbooks belong to the host product, so the kit never invents one.
   * `undefined` (or no resolver) shows the workbook's id.
   */
  workbookName?: (workbookId: string) => string | undefined;
  /**
   * The words for a refund reason as the host recorded it (`no_data` → "provider returned nothing");
   * `undefined` shows the reason as recorded.
   */
  refundReasonLabel?: (reason: string) => string | undefined;
  /** The period shown first, in days ending today. Default 30. */
  defaultPeriodDays?: ActivityPeriodDays;
  /** The workbook shown first; every workbook when omitted. */
  defaultWorkbookId?: string;
  /** The trigger shown first; every trigger when omitted. */
  defaultTrigger?: ChargeTrigger;
  /** The last day of every period, `YYYY-MM-DD`: today in UTC by the browser's clock when omitted. */
  today?: string;
  /** Rows asked for a page, 1–100. Default 50. */
  pageSize?: number;
  /** The level of each day's heading, 2–5 (its workbooks' are one below). Default 3. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

const dayMs = 86_400_000;
const todayInUtc = () => new Date().toISOString().slice(0, 10);
const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) - days * dayMs).toISOString().slice(0, 10);

/** Every trigger, in the order a charge's life reads; `satisfies` keeps the list whole when a trigger is added. */
const triggerOptions = Object.keys({ run: true, rerun: true, auto_update: true } satisfies Record<
  ChargeTrigger,
  true
>) as ChargeTrigger[];

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** One row in words; the action's name comes from the same batched, cached query as its cost badge. */
function ActivityLine({
  row,
  workbookName,
  refundReasonLabel,
}: {
  row: UsageActivity;
  workbookName: string;
  refundReasonLabel: (reason: string) => string;
}): ReactNode {
  const text = useMessageGroup('activity', englishActivity);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatCount } = useCreditFormat();
  const actionName = useActionCost(row.actionId).data?.name ?? row.actionId;
  const cause = row.run?.stopped ? 'stopped' : row.model !== null ? 'ai' : row.trigger;
  return (
    <li className="ck-activity-line" data-trigger={row.trigger} data-cause={cause}>
      {activitySentence(row, {
        text,
        credits: common.credits,
        actionName,
        workbookName,
        refundReasonLabel,
        formatCredits,
        formatCount,
      })}
    </li>
  );
}

/**
 * "Why was I charged?" (R24): the workspace's charges in words, by day and workbook, newest first: Auto-Update
 * refreshes and re-runs charged again, AI rows charged whatever the output, runs stopped midway whose requests
 * stayed charged, asks already paid, own-key charges, and refunds with their reasons, each netted. Filters for
 * the period, the workbook and the trigger; a polite status says what a new filter shows once it has loaded.
 * Older charges load a page at a time.
 *
 * `data-state`: the root `loading` · `ready` · `empty` · `error`; the show-more button `idle` · `loading` · `failed`.
 */
export function CreditActivity(props: CreditActivityProps): ReactNode {
  const { workbookName, refundReasonLabel, theme, className, headingLevel = 3 } = props;
  const text = useMessageGroup('activity', englishActivity);
  const usageText = useMessageGroup('usage', englishUsage);
  const common = useMessageGroup('common', englishCommon);
  const { formatCount, formatDate } = useCreditFormat();
  const [periodDays, setPeriodDays] = useState<ActivityPeriodDays>(props.defaultPeriodDays ?? 30);
  const [workbookId, setWorkbookId] = useState(props.defaultWorkbookId ?? '');
  const [trigger, setTrigger] = useState<ChargeTrigger | ''>(props.defaultTrigger ?? '');
  const to = props.today ?? todayInUtc();
  const from = daysBefore(to, periodDays - 1);
  const activity = useCreditActivity({
    from,
    to,
    ...(workbookId && { workbookId }),
    ...(trigger && { trigger }),
    ...(props.pageSize !== undefined && { limit: props.pageSize }),
  });
  // The workbook filter offers the workbooks charged in the period, from the usage report by workbook.
  const workbooks = useUsage({ groupBy: 'workbook', from, to });
  const ids = useId();
  const nameOf = (id: string) => workbookName?.(id) ?? id;
  const reasonOf = (reason: string) => refundReasonLabel?.(reason) ?? reason;

  const rows = activity.data?.data;
  const state = rows ? (rows.length ? 'ready' : 'empty') : activity.status === 'error' ? 'error' : 'loading';

  // A filter change is announced once its activity has loaded, never on the first load.
  const [announcement, setAnnouncement] = useState('');
  const announcePending = useRef(false);
  const selection = [
    text.lastDays(periodDays),
    workbookId ? nameOf(workbookId) : text.allWorkbooks,
    trigger ? usageText.triggerNames[trigger] : text.allTriggers,
  ].join(', ');
  const lineCount = rows?.length ?? 0;
  useEffect(() => {
    if (!announcePending.current || state === 'loading') return;
    announcePending.current = false;
    setAnnouncement(
      state === 'error' ? common.loadFailed : text.filtersApplied(formatCount(lineCount), lineCount, selection),
    );
  }, [state, lineCount, selection, text, common, formatCount]);
  const changeFilter = (apply: () => void) => {
    announcePending.current = true;
    setAnnouncement('');
    apply();
  };

  const workbookIds = [...new Set([...(workbooks.data?.data.map((row) => row.key) ?? []), workbookId])]
    .filter((id) => id !== '')
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const DayHeading = `h${headingLevel}` as HeadingTag;
  const WorkbookHeading = `h${headingLevel + 1}` as HeadingTag;

  return (
    <section
      aria-label={text.title}
      className={className ? `ck-root ck-activity ${className}` : 'ck-root ck-activity'}
      data-theme={theme}
      data-state={state}
    >
      <fieldset className="ck-activity-filters">
        <legend>{text.filtersLabel}</legend>
        <label htmlFor={`${ids}-period`}>{text.periodFilter}</label>
        <select
          id={`${ids}-period`}
          value={periodDays}
          onChange={(event) => changeFilter(() => setPeriodDays(Number(event.target.value) as ActivityPeriodDays))}
        >
          {activityPeriods.map((days) => (
            <option key={days} value={days}>
              {text.lastDays(days)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-workbook`}>{text.workbookFilter}</label>
        <select
          id={`${ids}-workbook`}
          value={workbookId}
          onChange={(event) => changeFilter(() => setWorkbookId(event.target.value))}
        >
          <option value="">{text.allWorkbooks}</option>
          {workbookIds.map((id) => (
            <option key={id} value={id}>
              {nameOf(id)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-trigger`}>{text.triggerFilter}</label>
        <select
          id={`${ids}-trigger`}
          value={trigger}
          onChange={(event) => changeFilter(() => setTrigger(event.target.value as ChargeTrigger | ''))}
        >
          <option value="">{text.allTriggers}</option>
          {triggerOptions.map((value) => (
            <option key={value} value={value}>
              {usageText.triggerNames[value]}
            </option>
          ))}
        </select>
      </fieldset>
      <p role="status" className="ck-activity-status">
        {state === 'loading' ? common.loading : announcement}
      </p>
      {state === 'error' && <LoadFailure onRetry={() => void activity.refetch()} />}
      {state === 'empty' && <p className="ck-activity-empty">{text.empty}</p>}
      {state === 'ready' && rows && (
        <>
          <ol className="ck-activity-days">
            {groupActivityByDay(rows).map((day) => (
              <li key={day.day} className="ck-activity-day">
                <DayHeading>{formatDate(day.day, { dateStyle: 'full', timeZone: 'UTC' })}</DayHeading>
                {day.workbooks.map((workbook) => (
                  <section key={workbook.workbookId} className="ck-activity-workbook">
                    <WorkbookHeading>{nameOf(workbook.workbookId)}</WorkbookHeading>
                    <ul>
                      {workbook.rows.map((row) => (
                        <ActivityLine
                          key={[row.actionId, row.trigger, row.run?.id, row.model].join(' ')}
                          row={row}
                          workbookName={nameOf(row.workbookId)}
                          refundReasonLabel={reasonOf}
                        />
                      ))}
                    </ul>
                  </section>
                ))}
              </li>
            ))}
          </ol>
          {activity.hasMore && (
            <button
              type="button"
              className="ck-activity-more"
              data-state={activity.moreState}
              aria-disabled={activity.moreState === 'loading'}
              onClick={() => void activity.loadMore()}
            >
              {text.showMore}
            </button>
          )}
          {activity.moreState === 'failed' && <p role="alert">{text.moreFailed}</p>}
        </>
      )}
    </section>
  );
}
