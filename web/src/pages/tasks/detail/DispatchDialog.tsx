import { useEffect, useState } from 'react';
import { Form, Input, Segmented, Typography } from 'antd';
import type { Task } from '@qinlian/contracts';
import { PersonPicker } from '../../../components/PersonPicker.tsx';
import { PostSelect } from '../edit/PostSelect.tsx';
import { useDispatch } from '../workflow-hooks.ts';
import { StepModal } from './StepModal.tsx';
import { useStepSubmit } from './useStepSubmit.ts';

type Values = { postId?: string | null; personId?: string | null; note?: string };
type Props = { task: Task; open: boolean; onClose: () => void };

/** 分办: the head of the lead department hands the task to one of its posts (AB岗) or people. */
export function DispatchDialog({ task, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [to, setTo] = useState<'post' | 'person'>('post');
  const dispatch = useDispatch();
  const { errors, onError, succeeded, t } = useStepSubmit(form, task.id, onClose);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setTo('post');
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    const target = to === 'post' ? { postId: v.postId ?? null } : { personId: v.personId ?? null };
    dispatch.mutate(
      { id: task.id, version: task.version, note: v.note?.trim() ?? '', ...target },
      { onSuccess: succeeded(t('taskFlow.dispatch.done')), onError },
    );
  };
  const pick = [{ required: true, message: t('taskFlow.dispatch.pickOne') }];

  return (
    <StepModal
      open={open}
      title={t('taskFlow.dispatch.title', { code: task.code })}
      buttons={[{ label: t('task.actions.dispatch'), testId: 'dispatch-submit', primary: true, onClick: () => form.submit() }]}
      pending={dispatch.isPending}
      errors={errors.errors}
      onCancel={onClose}
      testId="dispatch-dialog"
    >
      <Typography.Paragraph type="secondary">{t('taskFlow.dispatch.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label={t('taskFlow.dispatch.to')}>
          <Segmented
            value={to}
            onChange={(v) => setTo(v as 'post' | 'person')}
            options={[
              { value: 'post', label: t('taskFlow.dispatch.toPost') },
              { value: 'person', label: t('taskFlow.dispatch.toPerson') },
            ]}
            data-testid="dispatch-to"
          />
        </Form.Item>
        {to === 'post' ? (
          <Form.Item name="postId" label={t('taskFlow.dispatch.post')} rules={pick}>
            <PostSelect departmentId={task.leadDepartmentId} data-testid="dispatch-post-select" />
          </Form.Item>
        ) : (
          <Form.Item name="personId" label={t('taskFlow.dispatch.person')} rules={pick}>
            <PersonPicker departmentId={task.leadDepartmentId} style={{ width: '100%' }} data-testid="dispatch-person-select" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('taskFlow.dispatch.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount data-testid="dispatch-note-input" />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
