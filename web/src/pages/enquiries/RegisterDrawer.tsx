import { useEffect } from 'react';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { EnquiryChannel, EnquiryCreateBody } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useRegisterEnquiry } from './hooks.ts';

type Values = { channel: EnquiryChannel; enquirerName: string; enquirerContact?: string; subject: string; body: string };
const max = (field: 'enquirerName' | 'subject' | 'body') => EnquiryCreateBody.shape[field].maxLength ?? 4000;
const CONTACT_MAX = 100;

/** 首问登记: whoever is asked first registers the enquiry and owns it; its tracking code goes to the enquirer. */
export function RegisterDrawer({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegisterEnquiry();
  const errors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    register.mutate(
      {
        channel: v.channel,
        enquirerName: v.enquirerName.trim(),
        enquirerContact: v.enquirerContact?.trim() || null,
        subject: v.subject.trim(),
        body: v.body.trim(),
      },
      {
        onSuccess: (e) => {
          toastSuccess(t('enquiries.registered', { code: e.code }));
          onRegistered(e.id);
        },
        onError: errors.show,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('enquiries.registerTitle')}
      size={560}
      form={form}
      onClose={onClose}
      saving={register.isPending}
      errors={errors.errors}
      saveTestId="enquiry-register-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'visitor' }} requiredMark="optional">
        <Form.Item
          name="channel"
          label={t('enquiries.fields.channel')}
          rules={[{ required: true, message: t('enquiries.required.channel') }]}
        >
          <Radio.Group
            optionType="button"
            options={EnquiryChannel.options.map((c) => ({ value: c, label: t(`enquiries.channels.${c}`) }))}
            data-testid="enquiry-channel"
          />
        </Form.Item>
        <Form.Item
          name="enquirerName"
          label={t('enquiries.fields.enquirerName')}
          rules={[{ required: true, whitespace: true, message: t('enquiries.required.enquirerName') }, textLimit(t, max('enquirerName'))]}
        >
          <Input placeholder={t('enquiries.placeholders.enquirerName')} autoComplete="off" data-testid="enquiry-enquirer" />
        </Form.Item>
        <Form.Item name="enquirerContact" label={t('enquiries.fields.enquirerContact')} rules={[textLimit(t, CONTACT_MAX)]}>
          <Input placeholder={t('enquiries.placeholders.enquirerContact')} autoComplete="off" data-testid="enquiry-contact" />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('enquiries.fields.subject')}
          rules={[{ required: true, whitespace: true, message: t('enquiries.required.subject') }, textLimit(t, max('subject'))]}
        >
          <Input placeholder={t('enquiries.placeholders.subject')} data-testid="enquiry-subject" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('enquiries.fields.body')}
          rules={[{ required: true, whitespace: true, message: t('enquiries.required.body') }, textLimit(t, max('body'))]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            count={{ show: true, max: max('body') }}
            placeholder={t('enquiries.placeholders.body')}
            data-testid="enquiry-body"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
