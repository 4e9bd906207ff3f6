import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@qinlian/contracts';

/** What a token may do, in the list: read-only, its permissions by name, or legacy (flagged). */
export function TokenScopeTag({ scope }: { scope: ApiToken['scope'] }) {
  const { t } = useTranslation();
  if (scope.kind === 'read_only') return <Tag color="blue">{t('token.scopeKinds.read_only')}</Tag>;
  if (scope.kind === 'legacy')
    return (
      <Tooltip title={t('token.scopeLegacyHint')}>
        <Tag color="warning">{t('token.scopeKinds.legacy')}</Tag>
      </Tooltip>
    );
  const names = scope.permissions.map((p) => t(`role.perms.${p}`));
  return (
    <Tooltip title={names.join('、')}>
      <span>
        {names.slice(0, 2).map((n) => (
          <Tag key={n}>{n}</Tag>
        ))}
        {names.length > 2 && <Tag>+{names.length - 2}</Tag>}
      </span>
    </Tooltip>
  );
}
