import { useEffect } from 'react';
import { App, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALL_PERMISSIONS, DataScope, type Permission, type Role, type RoleCreateBody } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useCreateRole, useUpdateRole } from './hooks.ts';
import { permissionGroups, permissionLabel } from '../../../domain/roles/permissions.ts';

type Values = { code: string; name: string; permissions: Permission[]; dataScope: DataScope; customDepartmentIds?: string[] };
type Props = { open: boolean; role: Role | null; onClose: () => void };

/** What a role may do (permissions) and whose data it sees (data scope). */
export function RoleDrawer({ open, role, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const serverErrors = useFormErrors(form);
  const scope = Form.useWatch('dataScope', form);

  useEffect(() => {
    if (!open) return;
    serverErrors.clear();
    form.resetFields();
    form.setFieldsValue(
      role
        ? {
            code: role.code,
            name: role.name,
            permissions: role.permissions,
            dataScope: role.dataScope,
            customDepartmentIds: role.customDepartmentIds,
          }
        : { permissions: ['org.read', 'people.read'], dataScope: 'dept_and_below', customDepartmentIds: [] },
    );
  }, [open, role, form, serverErrors.clear]);

  const close = (text: string) => () => {
    message.success(text);
    onClose();
  };
  const onError = serverErrors.show;

  const submit = (v: Values) => {
    serverErrors.clear();
    const body = {
      name: v.name.trim(),
      permissions: ALL_PERMISSIONS.filter((p) => v.permissions.includes(p)),
      dataScope: v.dataScope,
      customDepartmentIds: v.dataScope === 'custom' ? (v.customDepartmentIds ?? []) : [],
    };
    if (role) update.mutate({ id: role.id, ...body, version: role.version }, { onSuccess: close(t('common.saved')), onError });
    else create.mutate({ code: v.code.trim(), ...body } satisfies RoleCreateBody, { onSuccess: close(t('common.created')), onError });
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={role ? t('role.editTitle') : t('role.create')}
      form={form}
      saving={create.isPending || update.isPending}
      errors={serverErrors.errors}
      saveTestId="role-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="code"
          label={t('role.code')}
          extra={!role && t('role.codeHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('common.badFormat') }]}
        >
          <Input disabled={!!role} maxLength={32} data-testid="role-code-input" />
        </Form.Item>
        <Form.Item name="name" label={t('role.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} data-testid="role-name-input" />
        </Form.Item>
        <Form.Item name="permissions" label={t('role.permissions')}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={10} style={{ width: '100%' }}>
              {permissionGroups().map((g) => (
                <div key={g.key} style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px' }}>
                  <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                    {t(`role.groups.${g.key}`)}
                  </Typography.Text>
                  <Flex gap={8} wrap>
                    {g.permissions.map((p) => (
                      <Checkbox key={p} value={p} style={{ minWidth: 200 }} data-testid={`perm-${p}`}>
                        {permissionLabel(t, i18n, p)}{' '}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p}
                        </Typography.Text>
                      </Checkbox>
                    ))}
                  </Flex>
                </div>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="dataScope"
          label={t('role.dataScope')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('role.dataScope') }) }]}
        >
          <Select options={DataScope.options.map((s) => ({ value: s, label: t(`role.scopes.${s}`) }))} data-testid="role-scope-select" />
        </Form.Item>
        {scope === 'custom' && (
          <Form.Item
            name="customDepartmentIds"
            label={t('role.customDepartments')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.pleaseSelect', { field: t('role.customDepartments') }) }]}
          >
            <DepartmentTreeSelect multiple data-testid="role-departments-select" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
