/**
 * A word's or phrase's forms by the plural category `Intl.PluralRules` picks for an amount (CLDR's `zero`,
 * `one`, `two`, `few`, `many`, `other`). Only `other` is required: a language's rules pick among its own
 * categories (Japanese has only `other`; English, German and Spanish `one` and `other`; French and Brazilian
 * Portuguese say `one` for 0 and 1.5 too), and a category a pack leaves out falls back to `other`.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & {
  /** The form for every amount whose category has none of its own: the only one Japanese needs. */
  other: string;
};

/** Picks one of `forms` for an amount by a language's plural rules. */
export type ChoosePlural = (amount: number, forms: PluralForms) => string;

/**
 * The plural chooser of a language: the grammar of a pack's words is its own language's, whatever locale
 * writes the numbers (`1,5 Credits` for a German reader in any German-speaking country). The rules are made
 * on first use, so importing a pack costs nothing until it speaks.
 */
export function pluralFor(language: string): ChoosePlural {
  let rules: Intl.PluralRules | undefined;
  return (amount, forms) => {
    rules ??= new Intl.PluralRules(language);
    return forms[rules.select(amount)] ?? forms.other;
  };
}
