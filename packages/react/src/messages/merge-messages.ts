import type { CreditMessages } from './credit-messages';

/** Any subset of the kit's strings, group by group: `{ spendLimit: { save: 'Enregistrer' } }`. */
export type CreditMessageOverrides = { [Group in keyof CreditMessages]?: Partial<CreditMessages[Group]> };

/** The default strings with the host's overrides laid over them, one group at a time. */
export function mergeMessages(defaults: CreditMessages, overrides: CreditMessageOverrides | undefined): CreditMessages {
  if (!overrides) return defaults;
  const merged: CreditMessages = { ...defaults };
  const overrideGroup = <Group extends keyof CreditMessages>(group: Group) => {
    merged[group] = { ...defaults[group], ...overrides[group] };
  };
  for (const group of Object.keys(overrides) as (keyof CreditMessages)[]) overrideGroup(group);
  return merged;
}
