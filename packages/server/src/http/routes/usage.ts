import { usageParams } from '@creditkit/sdk/schemas';
import type { Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import { readUsage } from '../../store/usage';
import type { AppEnv, ServerOptions } from '../env';
import { invalidValue, parse, readQuery } from '../validate';

const dayMs = 24 * 60 * 60 * 1000;
/** With no `from`, a report covers 30 days: today (per the server clock) and the 29 before it. */
const defaultDays = 30;
/**
 * The instants actually queried stay inside what both databases store as timestamptz, so a caller asking for
 * `0001-01-01` to `9999-12-31` ("everything") gets everything rather than a driver error; the report still
 * names the dates that were asked for.
 */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The first calendar date, `0000-01-01` (Date.UTC would read year 0 as 1900): a default `from` never goes before it. */
const firstDay = Date.parse('0000-01-01T00:00:00.000Z');

const clamp = (time: number) => new Date(Math.min(Math.max(time, earliest), latest));

/** The label of the CSV totals row: it has a space, which no id or date key can hold, so it never names a group. */
export const csvTotalsLabel = 'Total (all rows)';

const toDateString = (date: Date) => date.toISOString().slice(0, 10);

/** The first millisecond of a calendar day the schema has already checked exists. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The validated parameters and the period they cover: `to` is inclusive, so the period ends the day after. */
function readUsageRequest(context: Context<AppEnv>, options: ServerOptions) {
  const params = parse(usageParams, readQuery(context), 'usage parameters');
  const to = params.to ?? toDateString(options.now());
  const toTime = dayStart(to);
  const from = params.from ?? toDateString(new Date(Math.max(toTime - (defaultDays - 1) * dayMs, firstDay)));
  const fromTime = dayStart(from);
  if (fromTime > toTime) throw invalidValue(['from'], `The period starts (${from}) after it ends (${to}).`);
  return {
    params,
    from,
    to,
    query: {
      groupBy: params.groupBy,
      // Both ends clamped: a period entirely before 1970 is an empty period, not an instant no database stores.
      start: clamp(fromTime),
      end: clamp(toTime + dayMs),
      workbookId: params.workbookId,
    },
  };
}

/**
 * What a field may not start with as it is written: the characters a spreadsheet reads as the start of a
 * formula (their full-width forms too, which some convert), and the apostrophe of the guard itself, so a key
 * that starts with one stays apart from the guarded key without it.
 */
const guardedStart = /^[=+\-@\t\r\n'\uff1d\uff0b\uff0d\uff20]/;

/**
 * Characters that end a cell for some reader: the comma of RFC 4180, the semicolon of spreadsheets in
 * locales whose decimal mark is a comma (de, fr, nl, ...), the tab, and the quote and line breaks.
 */
const separatorOrQuote = /[,;\t"\r\n]/;

/**
 * One CSV field, safe to open in a spreadsheet whatever separator it reads with: keys such as workbook ids
 * are chosen by the host product's users. A field starting with a formula character or an apostrophe gets
 * one apostrophe in front (a reader drops exactly one to get the key back); a field holding a separator,
 * quote or line break is quoted per RFC 4180, so no reader splits it into cells of its own.
 */
export function csvField(value: string): string {
  const guarded = guardedStart.test(value) ? `'${value}` : value;
  return separatorOrQuote.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

interface CsvRow {
  charges: number;
  charged: number;
  refunded: number;
  net: number;
}

/** One CSV line; the totals line has an empty trigger, since it sums every trigger. */
const csvLine = (key: string, trigger: string, row: CsvRow) =>
  `${[csvField(key), trigger, row.charges, row.charged, row.refunded, row.net].join(',')}\r\n`;

/** Groups per write: few enough to keep memory flat, enough that a long report is not a write per line. */
const groupsPerChunk = 500;

export function usageRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/usage', async (context) => {
    const { params, from, to, query } = readUsageRequest(context, options);
    const { data, totals } = await readUsage(options.db, context.get('caller').workspaceId, query);
    return context.json({ groupBy: params.groupBy, from, to, data, totals });
  });

  app.get('/v1/usage/export', async (context) => {
    // Everything that can fail is done before the first byte, so a failure is still a problem response.
    const { from, to, query } = readUsageRequest(context, options);
    const usage = await readUsage(options.db, context.get('caller').workspaceId, query);
    context.header('content-type', 'text/csv; charset=utf-8');
    context.header('content-disposition', `attachment; filename="credit-usage-${from}-${to}.csv"`);
    context.header('x-content-type-options', 'nosniff');
    return stream(context, async (output) => {
      await output.write('key,trigger,charges,charged,refunded,net\r\n');
      // A line per group and trigger (R24), the groups in the report's order: "why" next to "where".
      for (let start = 0; start < usage.byTrigger.length && !output.aborted; start += groupsPerChunk) {
        const chunk = usage.byTrigger.slice(start, start + groupsPerChunk);
        await output.write(
          chunk.flatMap((group) => group.lines.map((line) => csvLine(group.key, line.trigger, line))).join(''),
        );
      }
      await output.write(csvLine(csvTotalsLabel, '', usage.totals));
    });
  });
}
