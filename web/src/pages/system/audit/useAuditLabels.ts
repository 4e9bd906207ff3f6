import { useTranslation } from 'react-i18next';

/**
 * Audit codes in the reader's language (`audit.actions`, `audit.entities` in the system
 * dictionaries); a code the dictionary does not know yet shows as itself rather than as nothing.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const known = (key: string) => i18n.exists(key);
  return {
    action: (code: string) => (known(`audit.actions.${code}`) ? t(`audit.actions.${code}`) : code),
    entity: (type: string) => (known(`audit.entities.${type}`) ? t(`audit.entities.${type}`) : type),
    actionCodes: () => Object.keys(t('audit.actions', { returnObjects: true }) as Record<string, string>),
    entityTypes: () => Object.keys(t('audit.entities', { returnObjects: true }) as Record<string, string>),
  };
}

/** The record's name as its snapshot gives it (name, username or title), for the list. */
export function auditSubject(e: { before: unknown; after: unknown }): string | null {
  const snap = (e.after ?? e.before) as { name?: unknown; username?: unknown; title?: unknown } | null;
  const name = snap && typeof snap === 'object' ? (snap.name ?? snap.username ?? snap.title) : null;
  return typeof name === 'string' ? name : null;
}
