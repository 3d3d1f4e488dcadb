import { createCreditClient } from '@creditkit/sdk';
import { type ReactNode, useMemo } from 'react';
import { CreditProvider, type CreditRole, createCreditStore } from '../src/index';
import { type ScenarioName, scenarios } from './scenarios';
import type { StoryConnection } from './story-api';

/** The toolbar's locales: they decide how amounts and dates are written; the strings stay the kit's English. */
export const storyLocales = ['en-US', 'de-DE', 'ja-JP'] as const;
export type StoryLocale = (typeof storyLocales)[number];
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
    <CreditProvider client={client} store={store} locale={locale} role={role}>
      <div
        className="ck-root"
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
