import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Slider, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { integerRange, textLimit } from '../../../components/limitRules.ts';
import type { EvidenceFile, Task } from '@qinlian/contracts';
import { isApiError } from '../../../api/client.ts';
import { toastSuccess } from '../../../app/feedback.ts';
import { FieldErrorsAlert } from '../../../components/FieldErrorsAlert.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { taskKeys, useInstruct, useTransition, useUrge } from '../hooks.ts';
import { ACTION_FORM, isDanger, type DialogAction } from '../actions.ts';
import { EvidencePicker } from './EvidencePicker.tsx';

type Values = { comment?: string; percent?: number; fileIds?: EvidenceFile[] };
type Problem = { message: string; allowed?: string[]; refreshed?: boolean };
type Props = { task: Task; action: DialogAction | null; onClose: () => void };

/** urge / instruct name their text `message` / `text`; the dialog calls it `comment`. */
const formNames = (path: string) => path.replace(/^(body\.)?(message|text)$/, '$1comment');

/** One dialog for every step: comment, percent and evidence as the step needs; always with the task's version. */
export function ActionDialog({ task, action, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const transition = useTransition();
  const urge = useUrge();
  const instruct = useInstruct();
  const [problem, setProblem] = useState<Problem | null>(null);
  const serverErrors = useFormErrors(form, { rename: formNames });
  const [uploading, setUploading] = useState(false);
  const spec = action ? ACTION_FORM[action] : undefined;
  const pending = transition.isPending || urge.isPending || instruct.isPending;

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue({ percent: task.progress, fileIds: [] });
    setProblem(null);
    serverErrors.clear();
    // only when a dialog opens; a refetched task must not wipe what was typed
  }, [action, form, serverErrors.clear]);

  const refetch = () => {
    void qc.invalidateQueries({ queryKey: taskKeys.one(task.id) });
    void qc.invalidateQueries({ queryKey: taskKeys.events(task.id) });
  };

  const onError = (err: Error) => {
    serverErrors.clear();
    if (isApiError(err, 'version_conflict')) {
      setProblem({ message: err.message, refreshed: true });
      refetch();
    } else if (isApiError(err, 'illegal_transition')) {
      setProblem({ message: err.message, allowed: err.allowed ?? [] });
      refetch();
    } else if (isApiError(err) && err.fields.length) {
      setProblem(null);
      serverErrors.show(err);
    } else {
      setProblem({ message: err.message });
    }
  };
  const onSuccess = () => {
    toastSuccess(t('task.actionDone', { action: t(`task.actions.${action}`) }));
    onClose();
  };

  const submit = (v: Values) => {
    if (!action) return;
    setProblem(null);
    const comment = v.comment?.trim() || undefined;
    if (action === 'urge') return urge.mutate({ id: task.id, message: comment ?? '' }, { onSuccess, onError });
    if (action === 'instruct') return instruct.mutate({ id: task.id, text: comment ?? '' }, { onSuccess, onError });
    transition.mutate(
      {
        id: task.id,
        action,
        version: task.version,
        comment,
        percent: spec?.percent ? v.percent : undefined,
        fileIds: (v.fileIds ?? []).map((f) => f.id),
      },
      { onSuccess, onError },
    );
  };

  return (
    <Modal
      open={!!action}
      title={action ? `${t(`task.actions.${action}`)} · ${task.code}` : ''}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={!!action && isDanger(action)}
            loading={pending}
            disabled={uploading}
            onClick={() => form.submit()}
            data-testid="action-submit"
          >
            {action ? t(`task.actions.${action}`) : t('common.confirm')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="action-dialog" data-action={action ?? ''}>
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={problem.message}
            description={
              problem.refreshed ? (
                t('task.conflictRefreshed')
              ) : problem.allowed ? (
                <Space size={[4, 4]} wrap>
                  <span>{t('task.allowedNow')}</span>
                  {problem.allowed.length ? (
                    problem.allowed.map((a) => <Tag key={a}>{t(`task.actions.${a}`, { defaultValue: a })}</Tag>)
                  ) : (
                    <span>{t('task.noActions')}</span>
                  )}
                </Space>
              ) : undefined
            }
            data-testid="action-error"
          />
        )}
        <FieldErrorsAlert errors={serverErrors.errors} />
        {action && spec && (
          <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
            <Form.Item
              name="comment"
              label={t(`task.commentLabels.${action}`)}
              rules={
                spec.comment === 'required'
                  ? [
                      {
                        required: true,
                        whitespace: true,
                        message: t('task.commentRequired', { field: t(`task.commentLabels.${action}`) }),
                      },
                      textLimit(t, spec.commentMax),
                    ]
                  : [textLimit(t, spec.commentMax)]
              }
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                count={{ show: true, max: spec.commentMax }}
                data-testid="action-comment-input"
              />
            </Form.Item>
            {spec.percent && (
              <Form.Item label={t('task.fields.progress')} required>
                <Flex gap={16} align="center">
                  <Form.Item name="percent" noStyle>
                    <Slider min={0} max={100} style={{ flex: 1 }} />
                  </Form.Item>
                  <Form.Item name="percent" noStyle rules={[{ required: true }, integerRange(t, 0, 100)]}>
                    <InputNumber precision={0} suffix="%" style={{ width: 96 }} data-testid="action-percent-input" />
                  </Form.Item>
                </Flex>
              </Form.Item>
            )}
            {spec.files && (
              <Form.Item
                name="fileIds"
                label={t('task.evidence.label')}
                // marked, not checked here: evidence already on file counts too, and only the server knows it
                required={spec.files === 'required'}
                extra={spec.files === 'required' ? t('task.evidence.closeHint') : t('task.evidence.hint')}
              >
                <EvidencePicker onBusy={setUploading} />
              </Form.Item>
            )}
          </Form>
        )}
      </div>
    </Modal>
  );
}
