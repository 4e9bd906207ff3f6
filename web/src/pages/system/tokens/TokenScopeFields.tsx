import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALL_PERMISSIONS, type Permission } from '@qinlian/contracts';

/**
 * The token's scope, as the body names it (`scope.kind`, `scope.permissions`), so that the server's
 * field error (a permission the account lacks) lands on the picker. `offered`: the permissions the
 * chosen account is known to hold (one's own); every permission when it is another account's, whose
 * holdings the server checks.
 */
export function TokenScopeFields({ offered }: { offered?: readonly Permission[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['scope', 'kind'], form);
  const options = ALL_PERMISSIONS.filter((p) => !offered || offered.includes(p)).map((p) => ({
    value: p,
    label: t(`role.perms.${p}`),
  }));
  return (
    <>
      <Form.Item
        name={['scope', 'kind']}
        label={t('token.scope')}
        extra={kind === 'read_only' ? t('token.scopeReadOnlyHint') : t('token.scopeHint')}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: 'read_only', label: t('token.scopeKinds.read_only') },
            { value: 'permissions', label: t('token.scopeKinds.permissions') },
          ]}
          data-testid="token-scope-kind"
        />
      </Form.Item>
      {kind === 'permissions' && (
        <Form.Item
          name={['scope', 'permissions']}
          label={t('token.scopePermissions')}
          extra={t('token.scopePermissionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('token.scopePermissions') }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" data-testid="token-scope-permissions" />
        </Form.Item>
      )}
    </>
  );
}
