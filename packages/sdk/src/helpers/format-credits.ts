const formatters = new Map<string, Intl.NumberFormat>();

/** How `formatCredits` writes an amount. */
export interface FormatCreditsOptions {
  /** At most this many decimals, 0–3; 3 by default (what an amount can hold). */
  maximumFractionDigits?: number;
  /**
   * `compact` writes large amounts short, as the locale does (`1.2M`, `1,2 Mio.`, `120万`), for a headline or an
   * axis that must not wrap; always show the exact figure beside it (a description or a title). `standard` by default.
   */
  notation?: 'standard' | 'compact';
}

/**
 * Shows a credit amount the way the reader's locale writes numbers: up to 3 decimals because AI runs cost
 * fractions of a credit, and no padded zeros so whole amounts read as whole (`2`, not `2.000`).
 * Widgets call this for every badge and row, so each formatter is built once per locale and precision.
 */
export function formatCredits(credits: number, locale?: string, options?: FormatCreditsOptions): string {
  const digits = options?.maximumFractionDigits ?? 3;
  const notation = options?.notation ?? 'standard';
  const key = `${locale ?? ''}|${digits}|${notation}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, notation });
    formatters.set(key, formatter);
  }
  return formatter.format(credits);
}
