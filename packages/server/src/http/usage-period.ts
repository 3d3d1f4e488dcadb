import type { ServerOptions } from './env';
import { invalidValue } from './validate';

export const dayMs = 24 * 60 * 60 * 1000;
/** With no `from`, a period covers 30 days: today (per the server clock) and the 29 before it. */
const defaultDays = 30;
/**
 * The instants actually queried stay inside what both databases store as timestamptz, so a caller asking for
 * `0001-01-01` to `9999-12-31` ("everything") gets everything rather than a driver error; the answer still
 * names the dates that were asked for.
 */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The first calendar date, `0000-01-01` (Date.UTC would read year 0 as 1900): a default `from` never goes before it. */
const firstDay = Date.parse('0000-01-01T00:00:00.000Z');

/** Both ends clamped: a period entirely before 1970 is an empty period, not an instant no database stores. */
export const clampInstant = (time: number) => new Date(Math.min(Math.max(time, earliest), latest));

const toDateString = (date: Date) => date.toISOString().slice(0, 10);

/** The first millisecond of a calendar day the schema has already checked exists. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** A usage period: the days asked for (or their defaults) and the instants queried, `end` excluded. */
export interface UsagePeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/**
 * The period of a usage request, `to` inclusive, so it ends the day after. `maxDays` bounds how many days one
 * request may cover; a longer period is refused naming `from`, as one that starts after it ends is.
 */
export function readUsagePeriod(
  params: { from?: string | undefined; to?: string | undefined },
  options: ServerOptions,
  maxDays = Number.POSITIVE_INFINITY,
): UsagePeriod {
  const to = params.to ?? toDateString(options.now());
  const toTime = dayStart(to);
  const from = params.from ?? toDateString(new Date(Math.max(toTime - (defaultDays - 1) * dayMs, firstDay)));
  const fromTime = dayStart(from);
  if (fromTime > toTime) throw invalidValue(['from'], `The period starts (${from}) after it ends (${to}).`);
  const days = (toTime - fromTime) / dayMs + 1;
  if (days > maxDays) {
    throw invalidValue(['from'], `A period covers at most ${maxDays} days; ${from} to ${to} is ${days}.`);
  }
  return { from, to, start: clampInstant(fromTime), end: clampInstant(toTime + dayMs) };
}
