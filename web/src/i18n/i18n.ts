import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export type Language = 'ja' | 'en';
const STORAGE_KEY = 'talent-bank.language';

/** Japanese unless the visitor chose English before (remembered in this browser). */
function rememberedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnObjects: true,
});

// Screen readers and the browser's own spelling and hyphenation follow the page's language.
const markPage = (language: string) => (document.documentElement.lang = language);
markPage(i18n.language);
i18n.on('languageChanged', markPage);

export function chooseLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export default i18n;
