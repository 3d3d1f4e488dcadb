let rules: Intl.PluralRules | undefined;

/**
 * True when English grammar takes the singular for `amount`, whatever locale formats the number: the
 * default messages are English, so their grammar is English (1 credit, 0 credits, 1.5 credits).
 */
export function isEnglishSingular(amount: number): boolean {
  rules ??= new Intl.PluralRules('en');
  return rules.select(amount) === 'one';
}

/** "credit" or "credits" for `amount`. */
export function creditsWord(amount: number): string {
  return isEnglishSingular(amount) ? 'credit' : 'credits';
}
