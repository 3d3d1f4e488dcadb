import type { UsageActivity } from '@creditkit/sdk';

/** One workbook's rows of one day. */
export interface ActivityWorkbook {
  workbookId: string;
  rows: UsageActivity[];
}

/** One day's rows, by workbook. */
export interface ActivityDay {
  day: string;
  workbooks: ActivityWorkbook[];
}

/**
 * The API's rows (newest day first, then by workbook) as days holding workbooks, in that order; rows of one
 * day and workbook stay together even when they came on two pages.
 */
export function groupActivityByDay(rows: readonly UsageActivity[]): ActivityDay[] {
  const days: ActivityDay[] = [];
  for (const row of rows) {
    let day = days.at(-1);
    if (day?.day !== row.day) {
      day = { day: row.day, workbooks: [] };
      days.push(day);
    }
    let workbook = day.workbooks.find((candidate) => candidate.workbookId === row.workbookId);
    if (!workbook) {
      workbook = { workbookId: row.workbookId, rows: [] };
      day.workbooks.push(workbook);
    }
    workbook.rows.push(row);
  }
  return days;
}
