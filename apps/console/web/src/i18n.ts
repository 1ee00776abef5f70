import i18next from 'i18next';
import en from './locales/en.json';
import id from './locales/id.json';

const LANGUAGE_KEY = 'titipan.language';
export type Language = 'id' | 'en';

/** Bahasa Indonesia unless the person chose English on this device (remembered). */
export function initialLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next.init({
    lng,
    fallbackLng: 'id',
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}

export async function setLanguage(lng: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export const t = (key: string, values?: Record<string, unknown>): string => i18next.t(key, values as never) as unknown as string;
