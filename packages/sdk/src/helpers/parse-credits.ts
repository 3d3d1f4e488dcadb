import { maxAmount, toCredits } from '@creditkit/rules';

/** What `parseCredits` read: the amount, or why the text is not one. */
export type ParseCreditsResult =
  | {
      /** The text is a valid amount. */
      ok: true;
      /** The amount in credits, at most 3 decimals, ready to send to the API. */
      value: number;
    }
  | {
      /** The text is not a valid amount. */
      ok: false;
      /** Why: nothing typed, not a number in the locale, below 0, more than 3 decimals, or over the API's maximum. */
      reason: 'empty' | 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';
    };

// A person may type any of these for a locale that groups with one of them.
const SPACES = ' \u00a0\u202f';
const APOSTROPHES = "'\u2019";
const patterns = new Map<string, RegExp>();

function charClass(separator: string): string {
  const alike = SPACES.includes(separator) ? SPACES : APOSTROPHES.includes(separator) ? APOSTROPHES : separator;
  return `[${alike.replace(/[\\\][^-]/g, '\\$&')}]`;
}

/**
 * Learns the locale's separators and grouping from the formatter itself, so whatever `formatCredits` writes
 * reads back: 1,234,567.8 groups by 3, en-IN's 12,34,567.8 by 2 after the first 3.
 * Groups are accepted only where the locale puts them, so `1.00` or `1,000.5` in de-DE is refused, not guessed.
 */
function numberPattern(locale: string | undefined): RegExp {
  const key = locale ?? '';
  let pattern = patterns.get(key);
  if (pattern) return pattern;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.8);
  const sizes = parts.filter((part) => part.type === 'integer').map((part) => part.value.length);
  const group = parts.find((part) => part.type === 'group')?.value;
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const primary = sizes.at(-1) ?? 3;
  const secondary = sizes.at(-2) ?? primary;
  const grouped = group
    ? `|\\d{1,${secondary}}(?:${charClass(group)}\\d{${secondary}})*${charClass(group)}\\d{${primary}}`
    : '';
  pattern = new RegExp(`^(\\d+${grouped})?(?:${charClass(decimal)}(\\d*))?$`);
  patterns.set(key, pattern);
  return pattern;
}

type ParseCreditsFailure = Extract<ParseCreditsResult, { ok: false }>;
const fail = (reason: ParseCreditsFailure['reason']): ParseCreditsFailure => ({ ok: false, reason });

/**
 * Reads a credit amount as a person types it in `locale` (a spend limit, a run budget), or says why it cannot.
 * Only ASCII digits are read, plus fullwidth ones (and fullwidth `，．－`) that Japanese input methods produce.
 * Trailing zeros past the third decimal are harmless (`1.5000` is 1.5).
 * The value is built from integer thousandths and divided once, never parsed as a decimal float,
 * so `1.000,5` is exactly 1000.5 and the result always passes the API's 3-decimal check.
 */
export function parseCredits(text: string, locale?: string): ParseCreditsResult {
  const input = text
    .trim()
    .replace(/[\uff0c-\uff0e\uff10-\uff19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
  if (!input) return fail('empty');
  const negative = /^[-\u2212]/.test(input);
  const match = numberPattern(locale).exec(negative ? input.slice(1) : input);
  const whole = match?.[1]?.replace(/\D/g, '') ?? '';
  if (!match || !(whole || match[2])) return fail('not_a_number');
  if (negative) return fail('negative');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 3) return fail('too_many_decimals');
  // All digits: exact below 2^53, and rounding keeps order above it, so the cap test holds for any length.
  const thousandths = Number(whole + fraction.padEnd(3, '0'));
  if (thousandths > maxAmount) return fail('too_large');
  return { ok: true, value: toCredits(thousandths) };
}
