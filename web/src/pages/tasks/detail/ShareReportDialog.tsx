import { useEffect } from 'react';
import { Flex, Form, Input, InputNumber, Slider } from 'antd';
import type { Task, TaskCooperation } from '@qinlian/contracts';
import { useReportShare } from '../workflow-hooks.ts';
import { StepModal } from './StepModal.tsx';
import { useStepSubmit } from './useStepSubmit.ts';

type Values = { percent: number; comment?: string };
type Props = { task: Task; share: TaskCooperation | null; onClose: () => void };

/** 协办报送: a cooperating department reports on its own sub-item — its progress and what was done. */
export function ShareReportDialog({ task, share, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const report = useReportShare();
  const { errors, onError, succeeded, t } = useStepSubmit(form, task.id, onClose);

  useEffect(() => {
    if (!share) return;
    form.resetFields();
    form.setFieldsValue({ percent: share.progress });
    errors.clear();
  }, [share, form, errors.clear]);

  const submit = (v: Values) => {
    if (!share) return;
    errors.clear();
    report.mutate(
      { id: task.id, departmentId: share.departmentId, version: task.version, percent: v.percent, comment: v.comment?.trim() ?? '' },
      { onSuccess: succeeded(t('taskFlow.cooperation.done')), onError },
    );
  };

  return (
    <StepModal
      open={!!share}
      title={t('taskFlow.cooperation.reportTitle', { department: share?.departmentName ?? '' })}
      buttons={[{ label: t('taskFlow.cooperation.report'), testId: 'share-submit', primary: true, onClick: () => form.submit() }]}
      pending={report.isPending}
      errors={errors.errors}
      onCancel={onClose}
      testId="share-dialog"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label={t('taskFlow.cooperation.percent')} required>
          <Flex gap={16} align="center">
            <Form.Item name="percent" noStyle>
              <Slider min={0} max={100} style={{ flex: 1 }} />
            </Form.Item>
            <Form.Item name="percent" noStyle rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 96 }} data-testid="share-percent-input" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="comment" label={t('taskFlow.cooperation.comment')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="share-comment-input" />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
