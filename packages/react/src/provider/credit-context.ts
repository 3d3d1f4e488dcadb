import type { CreditClient } from '@creditkit/sdk';
import { createContext, useContext } from 'react';
import type { CreditMessageOverrides } from '../messages/merge-messages';
import type { CreditStore } from '../store/credit-store';
import type { CreditRole } from './credit-role';

/** What `<CreditProvider>` hands to every hook below it. */
export interface CreditContextValue {
  client: CreditClient;
  store: CreditStore;
  locale: string;
  /** The pack's words with the host's overrides; each widget falls back to its own English for the rest. */
  messages: CreditMessageOverrides;
  role: CreditRole | undefined;
}

export const CreditContext = createContext<CreditContextValue | null>(null);

/** The provider's value; a hook used outside `<CreditProvider>` fails loudly instead of fetching with no client. */
export function useCreditContext(): CreditContextValue {
  const value = useContext(CreditContext);
  if (!value) throw new Error('creditkit hooks and widgets must be rendered inside <CreditProvider client={...}>.');
  return value;
}
