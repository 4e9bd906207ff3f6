import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AppLanguage } from '../../i18n/index.ts';
import { useLanguagePick } from '../../i18n/useLanguagePick.ts';

const LABEL_KEY: Record<AppLanguage, string> = { 'zh-CN': 'lang.zh', 'en-US': 'lang.en' };

/** 中文 | English as two plain buttons: one tap on a phone, no menu to open. */
export function PublicLanguageSwitch() {
  const { t } = useTranslation();
  const { lang, pick } = useLanguagePick();
  return (
    <div className="public-lang" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={l === lang}
          className={l === lang ? 'public-lang-option active' : 'public-lang-option'}
          onClick={() => void pick(l)}
          data-testid={`public-lang-${l}`}
        >
          {t(LABEL_KEY[l])}
        </button>
      ))}
    </div>
  );
}
