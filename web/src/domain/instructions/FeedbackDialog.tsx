import { useEffect } from 'react';
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { InstructionFeedbackBody, type Instruction } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useGiveFeedback } from './useInstructions.ts';

type Values = { text: string; evidenceRef?: string };
const TEXT_MAX = InstructionFeedbackBody.shape.text.maxLength ?? 2000;
const REF_MAX = 500;

/** 落实反馈: the addressed unit says what it did and where the proof is kept — once. */
export function FeedbackDialog({ instruction, onClose }: { instruction: Instruction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const give = useGiveFeedback();
  const errors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!instruction) return;
    form.resetFields();
    errors.clear();
  }, [instruction, form, errors.clear]);

  const submit = (v: Values) => {
    if (!instruction) return;
    errors.clear();
    give.mutate(
      { id: instruction.id, text: v.text.trim(), evidenceRef: v.evidenceRef?.trim() || null, version: instruction.version },
      {
        onSuccess: () => {
          toastSuccess(t('instruction.feedbackSent'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={!!instruction}
      title={t('instruction.feedbackTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('instruction.feedback')}
      okButtonProps={{ loading: give.isPending, 'data-testid': 'feedback-submit' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {instruction && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          “{instruction.text}” — {instruction.leaderName}
        </Typography.Paragraph>
      )}
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="text"
          label={t('instruction.feedbackText')}
          rules={[{ required: true, whitespace: true, message: t('instruction.feedbackTextRequired') }, textLimit(t, TEXT_MAX)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            count={{ show: true, max: TEXT_MAX }}
            placeholder={t('instruction.feedbackTextPlaceholder')}
            data-testid="feedback-text"
          />
        </Form.Item>
        <Form.Item name="evidenceRef" label={t('instruction.evidenceRef')} rules={[textLimit(t, REF_MAX)]}>
          <Input placeholder={t('instruction.evidenceRefPlaceholder')} data-testid="feedback-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
