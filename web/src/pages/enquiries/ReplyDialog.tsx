import { useEffect } from 'react';
import { Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { EnquiryReplyBody, EnquiryReplyWay, type EnquiryDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useReply } from './hooks.ts';

type Values = { reply: string; replyWay: EnquiryReplyWay };
const REPLY_MAX = EnquiryReplyBody.shape.reply.maxLength ?? 4000;

/** 答复: what the enquirer was told, and how; an enquiry closes only once answered. */
export function ReplyDialog({ enquiry, onClose }: { enquiry: EnquiryDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reply = useReply();
  const errors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!enquiry) return;
    form.resetFields();
    errors.clear();
  }, [enquiry, form, errors.clear]);

  const submit = (v: Values) => {
    if (!enquiry) return;
    errors.clear();
    reply.mutate(
      { id: enquiry.id, reply: v.reply.trim(), replyWay: v.replyWay, version: enquiry.version },
      {
        onSuccess: () => {
          toastSuccess(t('enquiries.done.reply'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={!!enquiry}
      title={t('enquiries.replyTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enquiries.actions.reply')}
      okButtonProps={{ loading: reply.isPending, 'data-testid': 'enquiry-reply-submit' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {enquiry && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {enquiry.subject}
        </Typography.Paragraph>
      )}
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="replyWay"
          label={t('enquiries.fields.replyWay')}
          rules={[{ required: true, message: t('enquiries.required.replyWay') }]}
        >
          <Select
            options={EnquiryReplyWay.options.map((w) => ({ value: w, label: t(`enquiries.replyWays.${w}`) }))}
            data-testid="enquiry-reply-way"
          />
        </Form.Item>
        <Form.Item
          name="reply"
          label={t('enquiries.fields.reply')}
          rules={[{ required: true, whitespace: true, message: t('enquiries.required.reply') }, textLimit(t, REPLY_MAX)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            count={{ show: true, max: REPLY_MAX }}
            placeholder={t('enquiries.placeholders.reply')}
            data-testid="enquiry-reply-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
