import {
  CreditAlertNotice,
  CreditBalance,
  type CreditMessages,
  CreditProvider,
  type CreditRole,
} from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { type MouseEvent, useEffect, useState } from 'react';
import { isLanguage, type Language, languages } from './languages';
import { connect } from './session';
import { SettingsPage } from './settings-page';
import { UsagePage } from './usage-page';
import { WorkbookPage } from './workbook-page';

const pages = [
  { path: '/', label: 'Workbook' },
  { path: '/usage', label: 'Credit usage' },
  { path: '/settings', label: 'Settings' },
] as const;

function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return [
    path,
    (next) => {
      window.history.pushState(null, '', next);
      setPath(next);
    },
  ];
}

type Theme = 'light' | 'dark';

const query = new URLSearchParams(window.location.search);
/** `?theme=dark` opens the demo dark, as the theme switch does. */
const initialTheme: Theme = query.get('theme') === 'dark' ? 'dark' : 'light';
/** `?locale=de-DE` opens the widgets in German, as the language switch does. */
const initialLanguage: Language = isLanguage(query.get('locale')) ? (query.get('locale') as Language) : 'en-US';

/** The chosen language's pack, once loaded; the widgets stay on the previous one meanwhile. */
function useLanguagePack(language: Language): { locale: Language; messages: CreditMessages | undefined } | null {
  const [loaded, setLoaded] = useState<{ locale: Language; messages: CreditMessages | undefined } | null>(null);
  useEffect(() => {
    let current = true;
    languages[language].load().then((messages) => current && setLoaded({ locale: language, messages }));
    return () => {
      current = false;
    };
  }, [language]);
  return loaded;
}

export function App() {
  const [role, setRole] = useState<CreditRole>('admin');
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const pack = useLanguagePack(language);
  const [client, setClient] = useState<CreditClient | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [path, navigate] = usePath();

  useEffect(() => {
    let current = true;
    setFailure(null);
    connect(role).then(
      (next) => current && setClient(next),
      (error: unknown) => current && setFailure(String(error)),
    );
    return () => {
      current = false;
    };
  }, [role]);

  const follow = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    event.preventDefault();
    navigate(to);
  };

  return (
    // Widgets inside a dark container are dark: one attribute themes the host and the kit together.
    <div className="layout" data-theme={theme}>
      <header className="topbar">
        <strong className="brand">Acme GTM</strong>
        <nav aria-label="Pages">
          {pages.map((page) => (
            <a
              key={page.path}
              href={page.path}
              aria-current={path === page.path ? 'page' : undefined}
              onClick={(event) => follow(event, page.path)}
            >
              {page.label}
            </a>
          ))}
        </nav>
        <div className="topbar-controls">
          <label>
            Language
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {Object.entries(languages).map(([locale, { name }]) => (
                <option key={locale} value={locale} lang={locale}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Theme
            <select value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label>
            Signed in as
            <select value={role} onChange={(event) => setRole(event.target.value as CreditRole)}>
              <option value="admin">admin</option>
              <option value="member">member</option>
            </select>
          </label>
        </div>
      </header>
      {failure && <p role="alert">{failure}</p>}
      {client && pack ? (
        // keyed by role: a new session token, a new cache
        <CreditProvider
          key={role}
          client={client}
          role={role}
          locale={pack.locale}
          {...(pack.messages && { messages: pack.messages })}
        >
          <div className="columns">
            <main>
              {path === '/usage' ? (
                <UsagePage />
              ) : path === '/settings' ? (
                <SettingsPage />
              ) : (
                <WorkbookPage onBuyCredits={() => navigate('/settings')} />
              )}
            </main>
            <aside aria-label="Credits">
              <CreditBalance />
              <CreditAlertNotice />
            </aside>
          </div>
        </CreditProvider>
      ) : (
        !failure && <p>Connecting…</p>
      )}
    </div>
  );
}
