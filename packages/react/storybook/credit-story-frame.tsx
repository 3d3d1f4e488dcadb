import { createCreditClient } from '@creditkit/sdk';
import { type ReactNode, useMemo } from 'react';
import { type CreditMessages, CreditProvider, type CreditRole, createCreditStore } from '../src/index';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { es } from '../src/locales/es';
import { fr } from '../src/locales/fr';
import { ja } from '../src/locales/ja';
import { ptBR } from '../src/locales/pt-br';
import { type ScenarioName, scenarios } from './scenarios';
import type { StoryConnection } from './story-api';

/**
 * The toolbar's locales, one per language the kit ships: each sets how amounts and dates are written (the
 * provider's `locale`) and the words (its `messages`, the language's pack), as a host does.
 */
export const storyLanguages = {
  'en-US': { title: 'English', messages: en },
  'de-DE': { title: 'Deutsch', messages: de },
  'fr-FR': { title: 'Français', messages: fr },
  'es-ES': { title: 'Español', messages: es },
  'ja-JP': { title: '日本語', messages: ja },
  'pt-BR': { title: 'Português (Brasil)', messages: ptBR },
} as const satisfies Record<string, { title: string; messages: CreditMessages }>;
export type StoryLocale = keyof typeof storyLanguages;
export const storyLocales = Object.keys(storyLanguages) as StoryLocale[];
export type StoryTheme = 'light' | 'dark';

export interface CreditStoryFrameProps {
  /** The story's workspace on the in-page API (see openStoryConnection). */
  connection: StoryConnection;
  scenario: ScenarioName;
  locale: StoryLocale;
  theme: StoryTheme;
  role: CreditRole;
  /** Follow the workspace's event stream. */
  live: boolean;
  children: ReactNode;
}

/**
 * What a host page does, once per story: a browser SDK client on a session token (minted for the toolbar's
 * role with the story's workspace key, as a host's server mints one) and a `<CreditProvider>` with the locale
 * and the role, around a `.ck-root` backdrop in the story's theme. Keyed by the story, so no cache or client
 * outlives it.
 */
export function CreditStoryFrame({
  connection,
  scenario,
  locale,
  theme,
  role,
  live,
  children,
}: CreditStoryFrameProps): ReactNode {
  const client = useMemo(
    () =>
      createCreditClient({
        baseUrl: connection.baseUrl,
        fetch: connection.fetch,
        token: () => connection.token(role),
        ...scenarios[scenario].client,
      }),
    [connection, scenario, role],
  );
  // Still states unless the story shows live updates: a stream held open would keep every story busy.
  const store = useMemo(() => createCreditStore(client, { live }), [client, live]);
  return (
    <CreditProvider
      client={client}
      store={store}
      locale={locale}
      messages={storyLanguages[locale].messages}
      role={role}
    >
      <div
        className="ck-root"
        lang={locale}
        data-theme={theme === 'dark' ? 'dark' : undefined}
        style={{
          background: 'var(--ck-color-background)',
          padding: 'var(--ck-space-4)',
          borderRadius: 'var(--ck-radius)',
        }}
      >
        {children}
      </div>
    </CreditProvider>
  );
}
