import { type UsageParams, usageCsvKeyColumns, usageExportParams, usageParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { readUsage } from '../../store/usage';
import type { AppEnv, ServerOptions } from '../env';
import { readUsagePeriod } from '../usage-period';
import { parse, readQuery } from '../validate';

/** The label of the CSV totals row: it has a space, which no id or date key can hold, so it never names a group. */
export const csvTotalsLabel = 'Total (all rows)';

/** The period the parameters cover, and the report to read for it. */
function usageQuery(params: UsageParams, options: ServerOptions) {
  const { from, to, start, end } = readUsagePeriod(params, options);
  return { from, to, query: { groupBy: params.groupBy, start, end, workbookId: params.workbookId } };
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

/** One CSV line; `trigger` is left out when the rows are triggers, and empty on the totals line (it sums them). */
const csvLine = (key: string, trigger: string | undefined, row: CsvRow) =>
  `${[csvField(key), ...(trigger === undefined ? [] : [trigger]), row.charges, row.charged, row.refunded, row.net].join(',')}\r\n`;

/** Groups per write: few enough to keep memory flat, enough that a long report is not a write per line. */
const groupsPerChunk = 500;

export function usageRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/usage', async (context) => {
    const params = parse(usageParams, readQuery(context), 'usage parameters');
    const { from, to, query } = usageQuery(params, options);
    const { data, totals } = await readUsage(options.db, context.get('caller').workspaceId, query);
    return context.json({ groupBy: params.groupBy, from, to, data, totals });
  });

  app.get('/v1/usage/export', async (context) => {
    // Everything that can fail is done before the first byte, so a failure is still a problem response.
    const params = parse(usageExportParams, readQuery(context), 'usage export parameters');
    const { from, to, query } = usageQuery(params, options);
    // Rows grouped by trigger are one line per trigger already: no second trigger column.
    const byTrigger = params.groupBy === 'trigger';
    const usage = await readUsage(options.db, context.get('caller').workspaceId, query);
    context.header('content-type', 'text/csv; charset=utf-8');
    context.header('content-disposition', `attachment; filename="credit-usage-${from}-${to}.csv"`);
    context.header('x-content-type-options', 'nosniff');
    return stream(context, async (output) => {
      const keyColumn = usageCsvKeyColumns[params.groupBy];
      const triggerColumn = byTrigger ? [] : ['trigger'];
      const header = [keyColumn, ...triggerColumn, 'charges', 'credits_charged', 'credits_refunded', 'credits_net'];
      await output.write(`${header.join(',')}\r\n`);
      // A line per group and trigger (R24), the groups in the report's order: "why" next to "where".
      for (let start = 0; start < usage.byTrigger.length && !output.aborted; start += groupsPerChunk) {
        const chunk = usage.byTrigger.slice(start, start + groupsPerChunk);
        await output.write(
          chunk
            .flatMap((group) =>
              group.lines.map((line) => csvLine(group.key, byTrigger ? undefined : line.trigger, line)),
            )
            .join(''),
        );
      }
      if (params.totals === 'last_row')
        await output.write(csvLine(csvTotalsLabel, byTrigger ? undefined : '', usage.totals));
    });
  });
}
