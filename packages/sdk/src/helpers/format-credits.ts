const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Shows a credit amount the way the reader's locale writes numbers: up to 3 decimals because AI runs cost
 * fractions of a credit, and no padded zeros so whole amounts read as whole (`2`, not `2.000`).
 * Widgets call this for every badge and row, so each formatter is built once per locale and precision.
 */
export function formatCredits(credits: number, locale?: string, options?: { maximumFractionDigits?: number }): string {
  const digits = options?.maximumFractionDigits ?? 3;
  const key = `${locale ?? ''}|${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formatters.set(key, formatter);
  }
  return formatter.format(credits);
}
