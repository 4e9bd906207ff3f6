import { useEffect } from 'react';
import { App, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChannelKind, type NotificationChannel } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useCreateChannel, useUpdateChannel } from './hooks.ts';

type Values = {
  kind: ChannelKind;
  name: string;
  target?: string;
  secret?: string;
  clearSecret?: boolean;
  from?: string;
  departmentId?: string | null;
  enabled: boolean;
};
type Props = { open: boolean; channel: NotificationChannel | null; onClose: () => void };

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * New or edited channel. Secrets are write-only: the server never sends one back, so the field is
 * empty on edit — typed means "replace", empty means "keep", and 清除 removes it.
 */
export function ChannelDrawer({ open, channel, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateChannel();
  const update = useUpdateChannel(true);
  const serverErrors = useFormErrors(form, { showOther: true });
  const kind = Form.useWatch('kind', form);
  const clearSecret = Form.useWatch('clearSecret', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue(
      channel
        ? {
            kind: channel.kind,
            name: channel.name,
            from: channel.from ?? undefined,
            departmentId: channel.departmentId,
            enabled: channel.enabled,
          }
        : { kind: 'wecom', enabled: true },
    );
  }, [open, channel, form, serverErrors.clear]);

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const submit = (v: Values) => {
    serverErrors.clear();
    const email = v.kind === 'email';
    const common = {
      name: v.name.trim(),
      from: email ? blank(v.from) : undefined,
      departmentId: email ? null : (v.departmentId ?? null),
      enabled: v.enabled,
    };
    if (channel) {
      update.mutate(
        {
          id: channel.id,
          ...common,
          // the masked address is all the console has: an empty box keeps the address on file
          ...(blank(v.target) ? { target: blank(v.target) } : {}),
          ...(v.clearSecret ? { secret: null } : blank(v.secret) ? { secret: blank(v.secret)! } : {}),
          version: channel.version,
        },
        { onSuccess: done, onError: serverErrors.show },
      );
    } else {
      create.mutate(
        { kind: v.kind, ...common, target: blank(v.target), secret: blank(v.secret) ?? undefined },
        { onSuccess: done, onError: serverErrors.show },
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      title={channel ? t('channels.editTitle') : t('channels.create')}
      size={560}
      form={form}
      onClose={onClose}
      saving={create.isPending || update.isPending}
      readOnly={!!channel && !channel.abilities.manage}
      errors={serverErrors.errors}
      saveTestId="channel-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="kind" label={t('channels.kind')} rules={[{ required: true }]}>
          <Select
            disabled={!!channel}
            options={ChannelKind.options.map((k) => ({ value: k, label: t(`channels.kinds.${k}`) }))}
            data-testid="channel-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input count={{ show: true, max: 100 }} data-testid="channel-name" />
        </Form.Item>
        <Form.Item
          name="target"
          label={kind === 'email' ? t('channels.smtpUrl') : t('channels.webhook')}
          extra={
            channel?.targetMasked
              ? t('channels.targetKept', { target: channel.targetMasked })
              : kind === 'email'
                ? t('channels.smtpHint')
                : t('channels.webhookHint')
          }
          rules={[
            { required: kind !== 'email' && !channel, whitespace: true },
            // the server checks the same (smtp:// for e-mail, http(s):// for robots) and answers beside the field too
            { pattern: kind === 'email' ? /^smtps?:\/\/\S+$/ : /^https?:\/\/\S+$/, message: t('channels.urlInvalid') },
          ]}
        >
          <Input autoComplete="off" data-testid="channel-target" />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item
            name="secret"
            label={kind === 'email' ? t('channels.smtpPassword') : t('channels.signSecret')}
            extra={channel?.hasSecret ? t('channels.secretKept') : t('channels.secretHint')}
          >
            <Input.Password autoComplete="new-password" disabled={!!clearSecret} data-testid="channel-secret" />
          </Form.Item>
        )}
        {channel?.hasSecret && (
          <Form.Item name="clearSecret" valuePropName="checked">
            <Checkbox data-testid="channel-clear-secret">{t('channels.clearSecret')}</Checkbox>
          </Form.Item>
        )}
        {kind === 'email' && (
          <Form.Item name="from" label={t('channels.from')} extra={t('channels.fromHint')} rules={[{ max: 200 }]}>
            <Input data-testid="channel-from" />
          </Form.Item>
        )}
        {kind !== 'email' && (
          <Form.Item name="departmentId" label={t('channels.department')} extra={t('channels.departmentHint')}>
            <DepartmentTreeSelect allowClear placeholder={t('channels.allDepartments')} />
          </Form.Item>
        )}
        <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
