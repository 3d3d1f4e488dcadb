import type { CreditClient } from '@creditkit/sdk';
import { type ReactNode, useMemo } from 'react';
import type { CreditMessages } from '../messages/credit-messages';
import { type CreditMessageOverrides, mergeMessages } from '../messages/merge-messages';
import { createCreditStore } from '../store/create-credit-store';
import type { CreditStore } from '../store/credit-store';
import { CreditContext, type CreditContextValue } from './credit-context';
import type { CreditRole } from './credit-role';
import { useReaderLocale } from './use-reader-locale';

/** What a host gives the kit once: the client, and optionally a cache, locale, role and words. */
export interface CreditProviderProps {
  /** The SDK client; in a browser, one made with a session `token` function, never a secret key. */
  client: CreditClient;
  /**
   * A cache made with `createCreditStore(client)`, to share it between providers or to invalidate from
   * outside React. Made per client when omitted.
   */
  store?: CreditStore;
  /**
   * How numbers, dates and credits are written (`Intl`). Default: the browser's language; `en-US` while
   * rendering on a server. It does not choose the words: `messages` does.
   */
  locale?: string;
  /**
   * The signed-in user's role, which decides what the widgets offer (R20). The session token carries it,
   * but the browser treats the token as opaque, so the host, which minted it, says it here. The API
   * enforces roles whatever this says. Unknown when omitted: widgets then offer only what members may do.
   */
  role?: CreditRole;
  /**
   * The words, in one language: a locale pack (`import { de } from '@creditkit/react/locales/de'`) or a
   * host's own complete `CreditMessages`. English, built in, when omitted.
   */
  messages?: CreditMessages;
  /** Replacements for any of the kit's strings, laid over `messages` (or the English), group by group. */
  overrides?: CreditMessageOverrides;
  /** The part of the app whose hooks and widgets share this client, cache, locale, role and strings. */
  children?: ReactNode;
}

/**
 * Gives every creditkit hook and widget below it the client, one query cache, the locale, the role and
 * the strings. Put it once near the root of the part of the app that shows credits.
 */
export function CreditProvider({
  client,
  store,
  locale,
  role,
  messages,
  overrides,
  children,
}: CreditProviderProps): ReactNode {
  // Were React ever to drop this memo, a new cache would only cost a refetch.
  const ownStore = useMemo(() => store ?? createCreditStore(client), [client, store]);
  const readerLocale = useReaderLocale();
  const words: CreditMessageOverrides = useMemo(() => mergeMessages(messages ?? {}, overrides), [messages, overrides]);
  const value: CreditContextValue = useMemo(
    () => ({ client, store: ownStore, locale: locale ?? readerLocale, messages: words, role }),
    [client, ownStore, locale, readerLocale, words, role],
  );
  return <CreditContext.Provider value={value}>{children}</CreditContext.Provider>;
}
