import { useEffect } from 'react';
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Task } from '@qinlian/contracts';
import { formatDate } from '../../../components/time.ts';
import { useRequestExtension } from '../workflow-hooks.ts';
import { StepModal } from './StepModal.tsx';
import { useStepSubmit } from './useStepSubmit.ts';

type Values = { dueDate?: Dayjs; reason?: string };
type Props = { task: Task; open: boolean; onClose: () => void };

/** 延期申请: a later due date (not in the past) and the reason; the office decides. */
export function ExtensionRequestDialog({ task, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const request = useRequestExtension();
  const { errors, onError, succeeded, t } = useStepSubmit(form, task.id, onClose);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const dayAfterDue = dayjs(task.dueDate).add(1, 'day');
  const today = dayjs().startOf('day');
  const earliest = dayAfterDue.isAfter(today) ? dayAfterDue : today;
  const submit = (v: Values) => {
    errors.clear();
    request.mutate(
      { id: task.id, version: task.version, dueDate: v.dueDate!.format('YYYY-MM-DD'), reason: v.reason?.trim() ?? '' },
      { onSuccess: succeeded(t('taskFlow.extension.done')), onError },
    );
  };

  return (
    <StepModal
      open={open}
      title={t('taskFlow.extension.title', { code: task.code })}
      buttons={[{ label: t('taskFlow.extension.submit'), testId: 'extension-submit', primary: true, onClick: () => form.submit() }]}
      pending={request.isPending}
      errors={errors.errors}
      onCancel={onClose}
      testId="extension-dialog"
    >
      <Typography.Paragraph type="secondary">{t('taskFlow.extension.current', { due: formatDate(task.dueDate) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="dueDate"
          label={t('taskFlow.extension.newDue')}
          extra={t('taskFlow.extension.mustBeLater', { due: formatDate(task.dueDate) })}
          rules={[{ required: true, message: t('taskFlow.extension.newDueRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.isBefore(earliest, 'day')} style={{ width: 200 }} data-testid="extension-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('taskFlow.extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('taskFlow.extension.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount data-testid="extension-reason-input" />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
