// Shared by the SDK's schemas and the server: the one check of a `YYYY-MM-DD` date.

/** True when `value` is a calendar date, `YYYY-MM-DD`, of a day that exists (`2026-02-30` does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0–99 as 1900–1999; setting the full year again keeps 0001–0099 as written.
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
