/**
 * i18next set-up. Vietnamese is the default; the choice is remembered in localStorage and the
 * `<html lang>` attribute follows it (screen readers pick their voice from it).
 * Vietnamese is in the first load; English is a chunk of its own, fetched when it is chosen (or
 * was chosen on an earlier visit, before the first render: see `languageReady`).
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '@motcua/domain';
import type { Translation } from './en.ts';
import { vi } from './vi.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'motcua.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi'; // storage disabled (private mode, policy): fall back to the default silently
  }
}

export const i18n = i18next.createInstance();

const strings: Record<Language, () => Promise<Translation>> = {
  vi: async () => vi,
  en: async () => (await import('./en.ts')).en,
};

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = currentLanguage();
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(storageKey, lng);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
});

/** The active UI language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi';
}

/** Switches to `language`, fetching its strings the first time. */
export async function setLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await strings[language]());
  }
  await i18n.changeLanguage(language);
}

/**
 * Settles once the remembered language is in place: the app renders after it, so an English
 * reader never sees a flash of Vietnamese. Should English fail to load, the app stays Vietnamese.
 */
export const languageReady: Promise<void> = storedLanguage() === 'vi' ? Promise.resolve() : setLanguage(storedLanguage()).catch(() => {});

/** The active language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : 'vi';
}

/** Picks the message in the active language from a `{ vi, en }` pair (problem+json `messages`). */
export function localized(messages: Messages, language: Language): string {
  return messages[language] || messages.vi;
}
