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

/**
 * Translates `key` with `params`. Parameters that name a thing of the domain (an entity, a status, an
 * action, roles) are looked up too, so a Japanese message never shows an English code in its middle.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const name = (section: string, value: unknown) =>
    typeof value === 'string'
      ? translator.t(`names.${section}.${value}`, { lng: locale, defaultValue: value })
      : value;
  const entity = typeof params.entity === 'string' ? params.entity : undefined;
  const named = {
    ...params,
    ...(entity ? { entity: name('entities', entity) } : {}),
    ...(entity && params.from ? { from: name(`statuses.${entity}`, params.from) } : {}),
    ...(params.action ? { action: name('actions', params.action) } : {}),
    ...(entity && params.status ? { status: name(`statuses.${entity}`, params.status) } : {}),
    ...(Array.isArray(params.roles)
      ? { roles: params.roles.map((role) => name('roles', role)).join(', ') }
      : {}),
  };
  return translator.t(key, { ...named, lng: locale });
}

/** A message for one of Nest's own HTTP errors (unknown route, malformed JSON), or its own text. */
export function translateHttpStatus(locale: Locale, status: number, fallback: string): string {
  return translator.t(`http.${status}`, { lng: locale, defaultValue: fallback });
}
