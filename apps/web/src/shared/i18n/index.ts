/**
 * i18next set-up. Vietnamese is the default; the choice is remembered in localStorage and the
 * `<html lang>` attribute follows it (screen readers pick their voice from it).
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '@motcua/domain';
import { en } from './en.ts';
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

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
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

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

/** The active language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : 'vi';
}

/** Picks the message in the active language from a `{ vi, en }` pair (problem+json `messages`). */
export function localized(messages: Messages, language: Language): string {
  return messages[language] || messages.vi;
}
