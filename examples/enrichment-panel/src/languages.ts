import type { CreditMessages } from '@creditkit/react';

/**
 * The languages the demo offers for the kit's widgets. Each pack is its own entry of `@creditkit/react`, loaded
 * only when chosen: a host ships just the languages it uses. The demo's own words stay English, as a host's
 * would be translated by the host.
 */
export const languages = {
  'en-US': { name: 'English', load: async (): Promise<CreditMessages | undefined> => undefined },
  'de-DE': { name: 'Deutsch', load: async () => (await import('@creditkit/react/locales/de')).de },
  'fr-FR': { name: 'Français', load: async () => (await import('@creditkit/react/locales/fr')).fr },
  'es-ES': { name: 'Español', load: async () => (await import('@creditkit/react/locales/es')).es },
  'ja-JP': { name: '日本語', load: async () => (await import('@creditkit/react/locales/ja')).ja },
  'pt-BR': { name: 'Português (Brasil)', load: async () => (await import('@creditkit/react/locales/pt-BR')).ptBR },
} as const;

export type Language = keyof typeof languages;

export const isLanguage = (value: string | null): value is Language => value !== null && value in languages;
