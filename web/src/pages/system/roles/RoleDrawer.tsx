import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALL_PERMISSIONS, DataScope, type Permission, type Role, type RoleCreateBody } from '@qinlian/contracts';
import type { FieldError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/formErrors.ts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../../components/FieldErrorsAlert.tsx';
import { useCreateRole, useUpdateRole } from './hooks.ts';
import { permissionGroups, permissionLabel } from './permissions.ts';

type Values = { code: string; name: string; permissions: Permission[]; dataScope: DataScope; customDepartmentIds?: string[] };
type Props = { open: boolean; role: Role | null; onClose: () => void };

/** What a role may do (permissions) and whose data it sees (data scope). */
export function RoleDrawer({ open, role, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [extra, setExtra] = useState<FieldError[]>([]);
  const scope = Form.useWatch('dataScope', form);

  useEffect(() => {
    if (!open) return;
    setExtra([]);
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
  }, [open, role, form]);

  const close = (text: string) => () => {
    message.success(text);
    onClose();
  };
  const onError = (err: Error) => setExtra(applyFieldErrors(form, err));

  const submit = (v: Values) => {
    setExtra([]);
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
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={role ? t('role.editTitle') : t('role.create')}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="role-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FieldErrorsAlert errors={extra} />
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
    </Drawer>
  );
}
