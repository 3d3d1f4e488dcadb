import { type FormatCreditsOptions, formatCredits, type ParseCreditsResult, parseCredits } from '@creditkit/sdk';
import { useMemo } from 'react';
import { useCreditContext } from '../provider/credit-context';

/** Number and date formatting in the provider's locale: what every widget writes amounts with. */
export interface CreditFormat {
  /** The provider's locale. */
  locale: string;
  /**
   * An amount as the locale writes it, up to 3 decimals, no padded zeros (`2`, `0.24`, `1,234.5`); `compact`
   * notation writes large amounts short (`1.2M`) where the exact figure is shown beside it.
   */
  formatCredits: (credits: number, options?: FormatCreditsOptions) => string;
  /** Typed text read back in the same locale, exactly, never through parseFloat; or why it is not an amount. */
  parseCredits: (text: string) => ParseCreditsResult;
  /** A count (rows, records) as the locale writes it. */
  formatCount: (count: number) => string;
  /** An API timestamp as a date, or a date and time, in the reader's time zone. */
  formatDate: (timestamp: string, options?: Intl.DateTimeFormatOptions) => string;
}

/**
 * Formatting and parsing bound to the provider's locale, so every widget writes `1.234,5` for a German
 * reader and reads back what it wrote.
 */
export function useCreditFormat(): CreditFormat {
  const { locale } = useCreditContext();
  return useMemo(() => {
    const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return {
      locale,
      formatCredits: (credits, options) => formatCredits(credits, locale, options),
      parseCredits: (text) => parseCredits(text, locale),
      formatCount: (count) => counts.format(count),
      formatDate: (timestamp, options = { dateStyle: 'medium' }) =>
        new Intl.DateTimeFormat(locale, options).format(new Date(timestamp)),
    };
  }, [locale]);
}
