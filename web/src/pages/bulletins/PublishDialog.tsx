import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useBulletinSettings, usePublish } from './hooks.ts';

type Values = { how: 'auto' | 'typed'; number?: string };

/** 发布 with confirmation: the next number of the plan's series, or one typed by hand (the server says when it is taken). */
export function PublishDialog({ bulletin, open, onClose }: { bulletin: Bulletin; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { showOther: true, rename: (p) => p.replace(/^body\./, '') });
  const publish = usePublish();
  const settings = useBulletinSettings(bulletin.planId, open);
  const how = Form.useWatch('how', form);
  const submit = (v: Values) => {
    errors.clear();
    publish.mutate(
      { id: bulletin.id, version: bulletin.version, ...(v.how === 'typed' ? { number: v.number!.trim() } : {}) },
      {
        onSuccess: (b) => {
          toastSuccess(`${t('bulletins.actions.published')}：${b.number}`);
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('bulletins.publish.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bulletins.publish.confirm')}
      okButtonProps={{ danger: true, loading: publish.isPending, 'data-testid': 'bulletin-publish-confirm' }}
      destroyOnHidden
      width={520}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('bulletins.publish.warning')} />
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ how: 'auto' }}>
        <Form.Item name="how">
          <Radio.Group
            options={[
              { value: 'auto', label: t('bulletins.publish.auto', { prefix: settings.data?.documentPrefix ?? '' }) },
              { value: 'typed', label: t('bulletins.publish.typed') },
            ]}
            data-testid="bulletin-publish-how"
          />
        </Form.Item>
        {how === 'typed' && (
          <Form.Item
            name="number"
            label={t('bulletins.publish.number')}
            rules={[{ required: true, whitespace: true, message: t('bulletins.publish.required') }]}
          >
            <Input placeholder={t('bulletins.publish.numberPlaceholder')} maxLength={40} data-testid="bulletin-publish-number" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
