import type { TFunction, i18n as I18n } from 'i18next';

/**
 * A role's name in the UI language. Role names are data, typed in Chinese; a built-in role that
 * still carries the name it was shipped with reads in the UI language (i18n `role.builtinNames`).
 * Custom roles, and built-in ones an administrator renamed, show as typed.
 */
export function roleName(t: TFunction, i18n: I18n, role: { code: string; name: string }): string {
  const key = `role.builtinNames.${role.code}`;
  if (!i18n.exists(key)) return role.name;
  return role.name === i18n.getFixedT('zh-CN')(key) ? t(key) : role.name;
}
