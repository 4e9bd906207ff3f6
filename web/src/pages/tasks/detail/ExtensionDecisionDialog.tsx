import { useEffect } from 'react';
import { Alert, Form, Input } from 'antd';
import type { Task } from '@qinlian/contracts';
import { formatDate } from '../../../components/time.ts';
import { useDecideExtension } from '../workflow-hooks.ts';
import { StepModal } from './StepModal.tsx';
import { useStepSubmit } from './useStepSubmit.ts';

type Values = { comment?: string };
type Props = { task: Task; open: boolean; onClose: () => void };

/** 延期审批: the office grants the pending request (the original due date is kept) or refuses it with a reason. */
export function ExtensionDecisionDialog({ task, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const decide = useDecideExtension();
  const { errors, onError, succeeded, t } = useStepSubmit(form, task.id, onClose);
  const pending = task.extensions.find((e) => e.status === 'pending');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const send = (grant: boolean) => {
    errors.clear();
    const comment = form.getFieldValue('comment')?.trim() ?? '';
    if (!grant && !comment) {
      form.setFields([{ name: 'comment', errors: [t('taskFlow.extension.refuseRequired')] }]);
      return;
    }
    decide.mutate(
      { id: task.id, version: task.version, grant, comment },
      { onSuccess: succeeded(t(grant ? 'taskFlow.extension.granted' : 'taskFlow.extension.refused')), onError },
    );
  };

  return (
    <StepModal
      open={open}
      title={t('taskFlow.extension.decideTitle', { code: task.code })}
      buttons={[
        { label: t('taskFlow.extension.refuse'), testId: 'extension-refuse', danger: true, onClick: () => send(false) },
        { label: t('taskFlow.extension.grant'), testId: 'extension-grant', primary: true, onClick: () => send(true) },
      ]}
      pending={decide.isPending}
      errors={errors.errors}
      onCancel={onClose}
      testId="extension-decision-dialog"
    >
      {pending && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('taskFlow.extension.request', {
            by: pending.requestedByName,
            previous: formatDate(pending.previousDueDate),
            requested: formatDate(pending.requestedDueDate),
          })}
          description={pending.reason}
          data-testid="extension-pending"
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('taskFlow.extension.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount data-testid="extension-comment-input" />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
