import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN.ts';
import { enUS } from './en-US.ts';

export type AppLanguage = 'zh-CN' | 'en-US';
export const LANGUAGES: AppLanguage[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'qinlian.lang';

function initialLanguage(): AppLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    /* storage unavailable: fall back to the default */
  }
  return 'zh-CN';
}

function applyToDocument(lang: AppLanguage) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  document.title = lang === 'zh-CN' ? zhCN.brand.name : enUS.brand.name;
}

const lng = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnObjects: true,
  initAsync: false,
});
applyToDocument(lng);

export function currentLanguage(): AppLanguage {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function changeLanguage(lang: AppLanguage) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* not persisted; still switch for this tab */
  }
  applyToDocument(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
