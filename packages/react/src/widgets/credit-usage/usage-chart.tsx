import type { UsageReport } from '@creditkit/sdk';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishUsage } from '../../messages/english/usage';
import { chartScale } from './chart-scale';

const dayMs = 86_400_000;
/** Longer periods show only the days with usage: a bar per day of years would be unreadable. */
const mostDaysFilled = 366;
/** Bar pitch and chart height in SVG units; the CSS sets the drawn size. */
const pitch = 10;
const height = 100;

/** Every day of the report's period with its net credits, 0 for days the API did not list. */
function daysOf({ from, to, data }: UsageReport): { key: string; net: number }[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end - start <= mostDaysFilled * dayMs)) return data;
  const netByDay = new Map(data.map((row) => [row.key, row.net]));
  const days = [];
  for (let time = start; time <= end; time += dayMs) {
    const key = new Date(time).toISOString().slice(0, 10);
    days.push({ key, net: netByDay.get(key) ?? 0 });
  }
  return days;
}

/** Where the arrow keys, Home and End take the focus from `index` among `count` days; undefined for other keys. */
function nextDay(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowLeft' || key === 'ArrowDown') return Math.max(0, index - 1);
  if (key === 'ArrowRight' || key === 'ArrowUp') return Math.min(count - 1, index + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * Net credits per day as SVG bars under a y-axis of round values. The chart is one stop for the keyboard: the
 * arrow keys, Home and End move between days, and the day in focus (or under the pointer) shows its figure in
 * a tooltip and is read out by its name. Screen readers also get one summary (period and total) from the
 * group's label, and every figure from the table next to it.
 */
export function UsageChart({ report }: { report: UsageReport }): ReactNode {
  const text = useMessageGroup('usage', englishUsage);
  const { formatCredits, formatDate } = useCreditFormat();
  // API days are UTC dates: formatted in UTC, they never shift to the day before west of Greenwich.
  const day = (key: string) => formatDate(key, { dateStyle: 'medium', timeZone: 'UTC' });
  const days = daysOf(report);
  const { ticks, top } = chartScale(Math.max(...days.map(({ net }) => net), 0));
  const lastUsed = days.reduce((last, { net }, index) => (net > 0 ? index : last), -1);
  const [active, setActive] = useState<number | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  // The stop the keyboard lands on: the day last moved to, else the latest day with usage.
  const focusable = Math.min(active ?? (lastUsed >= 0 ? lastUsed : days.length - 1), days.length - 1);
  const { net } = report.totals;
  const dayLabel = (index: number) => {
    const bar = days[index];
    return bar ? text.dayTotal(day(bar.key), formatCredits(bar.net), bar.net) : '';
  };

  const move = (event: KeyboardEvent<SVGSVGElement>) => {
    const to = nextDay(event.key, focusable, days.length);
    if (to === undefined) return;
    event.preventDefault();
    setActive(to);
    setShown(to);
    event.currentTarget.querySelectorAll<SVGRectElement>('.ck-usage-chart-day')[to]?.focus();
  };

  return (
    <figure className="ck-usage-chart">
      <figcaption>{text.perDay}</figcaption>
      <div className="ck-usage-chart-body">
        {/* The axis is for the eye; every figure is in the table and each day's own name. */}
        <div className="ck-usage-chart-y" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick}>{formatCredits(tick, { notation: 'compact' })}</span>
          ))}
        </div>
        <div className="ck-usage-chart-plot">
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group holds the days and names the chart */}
          <svg
            role="group"
            aria-label={text.chartLabel(day(report.from), day(report.to), formatCredits(net), net)}
            aria-description={text.chartKeys}
            viewBox={`0 0 ${days.length * pitch} ${height}`}
            preserveAspectRatio="none"
            onKeyDown={move}
            onMouseLeave={() => setShown(null)}
          >
            {ticks.map((tick) => (
              <line
                key={tick}
                className={tick === 0 ? 'ck-usage-chart-axis' : 'ck-usage-chart-grid'}
                x1={0}
                x2={days.length * pitch}
                y1={height - (tick / top) * height}
                y2={height - (tick / top) * height}
              />
            ))}
            {days.map((bar, index) => (
              <g key={bar.key}>
                {bar.net > 0 && (
                  <rect
                    className="ck-usage-chart-bar"
                    data-shown={shown === index || undefined}
                    x={index * pitch + 1}
                    y={height - (bar.net / top) * height}
                    width={pitch - 2}
                    height={(bar.net / top) * height}
                  />
                )}
                {/* The whole column is the day's target: a day without usage can be reached and read too. */}
                {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a day is read, not pressed; it takes focus only to be read and show its figure */}
                <rect
                  className="ck-usage-chart-day"
                  role="img"
                  aria-label={dayLabel(index)}
                  tabIndex={index === focusable ? 0 : -1}
                  x={index * pitch}
                  y={0}
                  width={pitch}
                  height={height}
                  onFocus={() => {
                    setActive(index);
                    setShown(index);
                  }}
                  onBlur={() => setShown(null)}
                  onMouseEnter={() => setShown(index)}
                />
              </g>
            ))}
          </svg>
          {shown !== null && (
            <p
              className="ck-usage-chart-tooltip"
              aria-hidden="true"
              data-side={shown < days.length / 2 ? 'start' : 'end'}
              // Placed over its day; set through the DOM's style object, which a strict CSP allows.
              style={{ [shown < days.length / 2 ? 'left' : 'right']: `${tooltipInset(shown, days.length)}%` }}
            >
              {dayLabel(shown)}
            </p>
          )}
          {/* The axis ends for the eye; the group's label already says them. */}
          <p className="ck-usage-chart-range" aria-hidden="true">
            <span>{day(report.from)}</span>
            <span>{day(report.to)}</span>
          </p>
        </div>
      </div>
    </figure>
  );
}

/** How far from its nearer edge a day's tooltip starts, in % of the plot: over the day, growing inward. */
function tooltipInset(index: number, count: number): number {
  return index < count / 2 ? (index / count) * 100 : ((count - index - 1) / count) * 100;
}
