import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type AppLanguage } from '../../i18n/index.ts';

const LABEL_KEY: Record<AppLanguage, string> = { 'zh-CN': 'lang.zh', 'en-US': 'lang.en' };

/** 中文 | English as two plain buttons: one tap on a phone, no menu to open. */
export function PublicLanguageSwitch() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const pick = async (next: AppLanguage) => {
    if (next === lang) return;
    await changeLanguage(next);
    // Server-made text follows the language.
    void qc.invalidateQueries();
  };
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
