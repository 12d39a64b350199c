import type { Locale } from '@contract';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import es from './es';
import eu from './eu';

export const LOCALES: Locale[] = ['en', 'es', 'eu'];
const STORED = 'auzolan:locale';

/** Before sign-in: the last language chosen here, else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORED);
  if (stored && (LOCALES as string[]).includes(stored)) return stored as Locale;
  for (const lang of navigator.languages ?? [navigator.language]) {
    const base = lang.slice(0, 2).toLowerCase();
    if ((LOCALES as string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORED, locale);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es }, eu: { translation: eu } },
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
