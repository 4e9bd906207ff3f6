import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationChannel } from '@qinlian/contracts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { formatInstant } from '../../components/time.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useTestChannel } from './hooks.ts';

type Props = { channel: NotificationChannel | null; onClose: () => void };

/** 测试发送: one message through the channel now; the answer — sent, or what the far end refused — shows below. */
export function ChannelTestModal({ channel, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to?: string }>();
  const send = useTestChannel();
  const { reset } = send;
  const serverErrors = useFormErrors(form, { showOther: true });
  const email = channel?.kind === 'email';

  useEffect(() => {
    if (!channel) return;
    form.resetFields();
    serverErrors.clear();
    reset(); // a new channel starts a fresh test
  }, [channel, form, serverErrors.clear, reset]);

  const submit = (v: { to?: string }) => {
    serverErrors.clear();
    send.mutate({ id: channel!.id, to: email ? v.to?.trim() : undefined }, { onError: serverErrors.show });
  };
  const result = send.data;

  return (
    <Modal
      open={!!channel}
      title={t('channels.testTitle', { name: channel?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('channels.sendTest')}
      cancelText={t('common.close')}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'channel-test-send' }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('channels.testIntro')}</Typography.Paragraph>
      <FieldErrorsAlert errors={serverErrors.errors} />
      <Form form={form} layout="vertical" onFinish={submit}>
        {email && (
          <Form.Item name="to" label={t('channels.testTo')} rules={[{ required: true, type: 'email' }]}>
            <Input data-testid="channel-test-to" />
          </Form.Item>
        )}
      </Form>
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.ok ? t('channels.testOk') : t('channels.testFailed')}
          description={
            <>
              {result.error && <Typography.Text code>{result.error}</Typography.Text>}
              <div>{formatInstant(result.at)}</div>
            </>
          }
          data-testid="channel-test-result"
        />
      )}
    </Modal>
  );
}
