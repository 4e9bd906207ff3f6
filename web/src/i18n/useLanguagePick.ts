import { useQueryClient } from '@tanstack/react-query';
import { changeLanguage, currentLanguage, type AppLanguage } from './index.ts';

/** The language in use and how to change it: kept in localStorage, sent as Accept-Language; server-made text (messages, labels) is fetched again. */
export function useLanguagePick() {
  const qc = useQueryClient();
  const lang = currentLanguage();
  const pick = async (next: AppLanguage) => {
    if (next === lang) return;
    await changeLanguage(next);
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };
  return { lang, pick };
}
