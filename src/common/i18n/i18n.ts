import i18next, { type i18n } from 'i18next';
import { en } from './messages.en.js';
import { ja } from './messages.ja.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language's catalogue must have: the Japanese one, the source of truth. */
export type MessageCatalogue = Widen<typeof ja>;

export const SUPPORTED_LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const translator: i18n = i18next.createInstance();
void translator.init({
  initAsync: false,
  lng: 'ja',
  fallbackLng: 'ja',
  resources: { ja: { translation: ja }, en: { translation: en } },
  interpolation: { escapeValue: false },
});

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return translator.t(key, { ...params, lng: locale });
}
