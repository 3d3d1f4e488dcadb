import { useSyncExternalStore } from 'react';

/** What a server renders with: it cannot know the reader's language, and the client then re-renders with it. */
const serverLocale = 'en-US';

function subscribeToLanguageChange(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

function readBrowserLanguage(): string {
  return navigator.language || serverLocale;
}

/**
 * The browser's language, and `en-US` during server rendering and hydration: React asks for the server
 * value there, so `navigator` and `window` are never touched on the server and hydration never mismatches.
 */
export function useReaderLocale(): string {
  return useSyncExternalStore(subscribeToLanguageChange, readBrowserLanguage, () => serverLocale);
}
