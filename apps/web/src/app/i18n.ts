import type { Locale } from '@voronka/domain';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ru } from './locales/ru';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const storageKey = 'voronka.locale';

/** The last language chosen on this device, else Russian for a Russian browser, else English. */
function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'ru' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['ru', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18n.language;
document.title = i18n.t('app.name');

export function currentLocale(): Locale {
  return i18n.language === 'ru' ? 'ru' : 'en';
}

/** Switches the UI language and remembers it on this device (the profile keeps it per user). */
export function applyLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.title = i18n.t('app.name');
}
