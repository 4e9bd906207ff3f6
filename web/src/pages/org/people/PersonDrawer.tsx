import { useEffect } from 'react';
import { App, Divider, Form, Input, Select, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonSettableStatus, type PersonCreateBody, type PersonCreated } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useRoles } from '../../../domain/roles/useRoles.ts';
import { useCreatePerson, usePerson, useUpdatePerson } from './hooks.ts';
import { PersonAccountSection } from './PersonAccountSection.tsx';
import { PersonPhoto } from './PersonPhoto.tsx';
import { roleName } from '../../../domain/roles/roleName.ts';

type Values = {
  name: string;
  departmentId: string;
  title?: string | null;
  phone?: string | null;
  status: PersonCreateBody['status'];
  withAccount?: boolean;
  account?: { username: string; roleIds: string[] };
};
type Props = {
  open: boolean;
  personId: string | null;
  defaultDepartmentId?: string;
  onClose: () => void;
  onCreated: (p: PersonCreated) => void;
};

const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** Create or edit a person; the server's field errors appear under the inputs. */
export function PersonDrawer({ open, personId, defaultDepartmentId, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const isEdit = !!personId;
  const detail = usePerson(open ? personId : null);
  const roles = useRoles(open && !isEdit && can('roles.manage'), true);
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const serverErrors = useFormErrors(form);
  const withAccount = Form.useWatch('withAccount', form);
  const person = isEdit ? detail.data : undefined;
  const readOnly = isEdit && person ? !person.abilities.manage : false;

  useEffect(() => {
    if (!open) return;
    serverErrors.clear();
    form.resetFields();
    if (!isEdit) form.setFieldsValue({ status: 'active', departmentId: defaultDepartmentId, withAccount: false });
  }, [open, isEdit, defaultDepartmentId, form, serverErrors.clear]);

  useEffect(() => {
    if (open && person) {
      form.setFieldsValue({
        name: person.name,
        departmentId: person.departmentId,
        title: person.title,
        phone: person.phone,
        // 外出 follows the whereabouts board (去向牌); by hand a person is only 在岗 or 离职
        status: person.status === 'away' ? 'active' : person.status,
      });
    }
  }, [open, person, form]);

  const onError = serverErrors.show;

  const submit = (v: Values) => {
    serverErrors.clear();
    const common = {
      name: v.name.trim(),
      departmentId: v.departmentId,
      title: blankToNull(v.title),
      phone: blankToNull(v.phone),
      status: v.status,
    };
    if (isEdit && person) {
      update.mutate(
        { id: person.id, ...common, version: person.version },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const account = v.withAccount && v.account ? { username: v.account.username.trim(), roleIds: v.account.roleIds ?? [] } : undefined;
    create.mutate(
      { ...common, account },
      {
        onSuccess: (created) => {
          message.success(t('common.created'));
          onCreated(created);
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={520}
      title={isEdit ? t('person.editTitle') : t('person.create')}
      form={form}
      saving={create.isPending || update.isPending}
      readOnly={readOnly}
      errors={serverErrors.errors}
      saveTestId="person-save"
    >
      {isEdit && detail.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {isEdit && person && <PersonPhoto person={person} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={readOnly} requiredMark="optional">
        <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} data-testid="person-name-input" />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('person.department')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('person.department') }) }]}
        >
          <DepartmentTreeSelect allowClear={false} data-testid="person-department-select" />
        </Form.Item>
        <Form.Item name="title" label={t('person.title_')}>
          <Input maxLength={100} data-testid="person-title-input" />
        </Form.Item>
        <Form.Item name="phone" label={t('person.phone')}>
          <Input maxLength={20} inputMode="tel" data-testid="person-phone-input" />
        </Form.Item>
        <Form.Item
          name="status"
          label={t('person.status')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('person.status') }) }]}
        >
          <Select
            options={PersonSettableStatus.options.map((s) => ({ value: s, label: t(`person.statuses.${s}`) }))}
            data-testid="person-status-select"
          />
        </Form.Item>
        {!isEdit && can('users.manage') && (
          <>
            <Divider titlePlacement="start" plain>
              {t('person.account')}
            </Divider>
            <Form.Item name="withAccount" label={t('person.withAccount')} valuePropName="checked">
              <Switch data-testid="person-with-account" />
            </Form.Item>
            {withAccount && (
              <>
                <Form.Item
                  name={['account', 'username']}
                  label={t('person.username')}
                  extra={t('person.usernameHint')}
                  rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('common.badFormat') }]}
                >
                  <Input autoComplete="off" data-testid="person-username-input" />
                </Form.Item>
                {can('roles.manage') && (
                  <Form.Item name={['account', 'roleIds']} label={t('person.roles')}>
                    <Select
                      mode="multiple"
                      loading={roles.isLoading}
                      options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(t, i18n, r) }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                )}
              </>
            )}
          </>
        )}
      </Form>
      {isEdit && person && (can('users.manage') || can('roles.manage')) && <PersonAccountSection person={person} />}
    </FormDrawer>
  );
}
