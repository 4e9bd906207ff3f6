import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Switch, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { InstructionBody } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useGiveInstruction } from './useInstructions.ts';

type Values = { text: string; departmentId?: string; askFeedback: boolean; feedbackDueDate?: Dayjs };
type Target = { task: { id: string; code: string; title: string } } | { unit: true };
const TEXT_MAX = InstructionBody.shape.text.maxLength ?? 2000;

/** The server names the body's fields; the form calls the date a Dayjs under the same name. */
const rename = (path: string) => path.replace(/^body\./, '');

/**
 * 领导批示: on a task (from its page) or to a unit (department picker), optionally asking for
 * 落实反馈 by a date that is not before today.
 */
export function InstructionDialog({ open, target, onClose }: { open: boolean; target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const give = useGiveInstruction();
  const errors = useFormErrors(form, { rename, showOther: true });
  const askFeedback = Form.useWatch('askFeedback', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    give.mutate(
      {
        ...('task' in target ? { taskId: target.task.id } : { departmentId: v.departmentId }),
        text: v.text.trim(),
        feedbackDueDate: v.askFeedback && v.feedbackDueDate ? v.feedbackDueDate.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          toastSuccess(t('instruction.given'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={
        'task' in target ? t('instruction.giveTaskTitle', { code: target.task.code, title: target.task.title }) : t('instruction.giveTitle')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('instruction.giveOnTask')}
      okButtonProps={{ loading: give.isPending, 'data-testid': 'instruction-submit' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={{ askFeedback: false }}>
        {!('task' in target) && (
          <Form.Item
            name="departmentId"
            label={t('instruction.department')}
            rules={[{ required: true, message: t('instruction.departmentRequired') }]}
          >
            <DepartmentTreeSelect data-testid="instruction-department" />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={t('instruction.text')}
          rules={[{ required: true, whitespace: true, message: t('instruction.textRequired') }, textLimit(t, TEXT_MAX)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            count={{ show: true, max: TEXT_MAX }}
            placeholder={t('instruction.textPlaceholder')}
            data-testid="instruction-text"
          />
        </Form.Item>
        <Form.Item name="askFeedback" label={t('instruction.askFeedback')} valuePropName="checked">
          <Switch data-testid="instruction-ask-feedback" />
        </Form.Item>
        {askFeedback && (
          <Form.Item
            name="feedbackDueDate"
            label={t('instruction.feedbackDueDate')}
            rules={[{ required: true, message: t('instruction.feedbackDueRequired') }]}
          >
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="instruction-due-date" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
