import { useMemo } from 'react';
import type { CreditMessages } from '../messages/credit-messages';
import { useCreditContext } from '../provider/credit-context';

/**
 * One group of the kit's strings, as a widget shows them: the provider's words (a locale pack, the host's
 * overrides) laid over the widget's own English. Each widget imports its English groups itself, so a page
 * ships the words of the widgets it renders, not every widget's.
 */
export function useMessageGroup<Group extends keyof CreditMessages>(
  group: Group,
  english: CreditMessages[Group],
): CreditMessages[Group] {
  const given = useCreditContext().messages[group];
  return useMemo(() => (given ? { ...english, ...given } : english), [given, english]);
}
