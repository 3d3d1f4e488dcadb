import type { CreditMessages } from './credit-messages';

/** Any subset of the kit's strings, group by group: `{ spendLimit: { save: 'Enregistrer' } }`. */
export type CreditMessageOverrides = { [Group in keyof CreditMessages]?: Partial<CreditMessages[Group]> };

/**
 * `base` with the host's overrides laid over it, one group at a time: a pack (or nothing) under the provider's
 * `overrides`, or the English words under what the provider holds.
 */
export function mergeMessages<Messages extends CreditMessageOverrides>(
  base: Messages,
  overrides: CreditMessageOverrides | undefined,
): Messages {
  if (!overrides) return base;
  const merged: CreditMessageOverrides = { ...base };
  const overrideGroup = <Group extends keyof CreditMessages>(group: Group) => {
    merged[group] = { ...base[group], ...overrides[group] };
  };
  for (const group of Object.keys(overrides) as (keyof CreditMessages)[]) overrideGroup(group);
  // Every group of `base` is still there, each at least as complete as it was.
  return merged as Messages;
}
