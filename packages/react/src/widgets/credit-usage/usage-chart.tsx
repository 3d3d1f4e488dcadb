import type { UsageReport } from '@creditkit/sdk';
import type { ReactNode } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishUsage } from '../../messages/english/usage';

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

/**
 * Net credits per day as plain SVG bars. Screen readers get one summary (period and total) from the
 * image's label, and every figure from the table next to it; pointers get a tooltip per bar.
 */
export function UsageChart({ report }: { report: UsageReport }): ReactNode {
  const text = useMessageGroup('usage', englishUsage);
  const { formatCredits, formatDate } = useCreditFormat();
  // API days are UTC dates: formatted in UTC, they never shift to the day before west of Greenwich.
  const day = (key: string) => formatDate(key, { dateStyle: 'medium', timeZone: 'UTC' });
  const days = daysOf(report);
  const highest = Math.max(...days.map(({ net }) => net), 0) || 1;
  const { net } = report.totals;
  return (
    <figure className="ck-usage-chart">
      <figcaption>{text.perDay}</figcaption>
      <svg
        role="img"
        aria-label={text.chartLabel(day(report.from), day(report.to), formatCredits(net), net)}
        viewBox={`0 0 ${days.length * pitch} ${height}`}
        preserveAspectRatio="none"
      >
        <line className="ck-usage-chart-axis" x1={0} x2={days.length * pitch} y1={height} y2={height} />
        {days.map(
          (bar, index) =>
            bar.net > 0 && (
              <rect
                key={bar.key}
                className="ck-usage-chart-bar"
                x={index * pitch + 1}
                y={height - (bar.net / highest) * height}
                width={pitch - 2}
                height={(bar.net / highest) * height}
              >
                <title>{text.dayTotal(day(bar.key), formatCredits(bar.net), bar.net)}</title>
              </rect>
            ),
        )}
      </svg>
      {/* The axis ends for the eye; the image's label already says them. */}
      <p className="ck-usage-chart-range" aria-hidden="true">
        <span>{day(report.from)}</span>
        <span>{day(report.to)}</span>
      </p>
    </figure>
  );
}
