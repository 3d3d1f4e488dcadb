import type { CreditMessages } from '../credit-messages';
import { credits, rowWord } from './english-words';

/** The cost badge's English words. */
export const englishCostBadge: CreditMessages['costBadge'] = {
  cost: credits,
  free: 'Free',
  freeOwnKey: 'Free · own key',
  ownKeyHint: (provider) => `Your own ${provider} API key is used, so no credits are charged.`,
  perRow: (formatted, amount) => `≈${credits(formatted, amount)} / row`,
  total: (formatted, amount, rows, rowCount) => `≈${credits(formatted, amount)} for ${rows} ${rowWord(rowCount)}`,
  unknownAction: 'Cost unavailable',
  label: (actionName, cost) => `${actionName}: ${cost}`,
  details: (provider, dataType) => `Provider: ${provider} · Data: ${dataType}`,
};
