import { useEffect } from 'react';
import { Alert, AutoComplete, Checkbox, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useAccept, useDispatchDemand, useHide, useReject, useReply, useSendBack, useUrge } from './hooks.ts';

/** The steps that need a form; 签收 and 办结 are one click with a confirmation (DemandActions). */
export type FormStep = 'accept' | 'dispatch' | 'reject' | 'sendBack' | 'reply' | 'hide' | 'urge';

type Values = { category?: string; urgent?: boolean; departmentId?: string; reason?: string; reply?: string; note?: string };

const rename = (path: string) => path.replace(/^body\./, '');
const REASON_MAX = 500;
const REPLY_MAX = 4000;
const CATEGORY_MAX = 40;

/**
 * One step of an item in a dialog: 受理 (confirm the category, maybe 加急), 派单/改派 (the department,
 * the routing suggestion preselected), 不予受理 / 退单 / 隐藏 (each with its reason), 答复 (the answer
 * every submitter of the item gets), 督办 (what the department should hear, if anything). The server's
 * refusal shows beside the field it names.
 */
export function DemandStepDialog({ item, step, onClose }: { item: DemandDetail; step: FormStep | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const mutations = {
    accept: useAccept(),
    dispatch: useDispatchDemand(),
    reject: useReject(),
    sendBack: useSendBack(),
    reply: useReply(),
    hide: useHide(),
    urge: useUrge(),
  };
  const running = step ? mutations[step].isPending : false;

  useEffect(() => {
    if (!step) return;
    form.resetFields();
    errors.clear();
  }, [step, form, errors.clear]);

  const done = {
    onSuccess: () => {
      toastSuccess(t(`demands.done.${step}`));
      onClose();
    },
    onError: errors.show,
  };
  const submit = (v: Values) => {
    errors.clear();
    const base = { id: item.id, version: item.version };
    const category = v.category?.trim() || undefined;
    if (step === 'accept') mutations.accept.mutate({ ...base, category, urgent: !!v.urgent }, done);
    if (step === 'dispatch') mutations.dispatch.mutate({ ...base, departmentId: v.departmentId!, category }, done);
    if (step === 'reject') mutations.reject.mutate({ ...base, reason: v.reason!.trim() }, done);
    if (step === 'sendBack') mutations.sendBack.mutate({ ...base, reason: v.reason!.trim() }, done);
    if (step === 'hide') mutations.hide.mutate({ ...base, reason: v.reason!.trim() }, done);
    if (step === 'reply') mutations.reply.mutate({ ...base, reply: v.reply!.trim() }, done);
    if (step === 'urge') mutations.urge.mutate({ id: item.id, note: v.note?.trim() || undefined }, done);
  };

  const categories = [...new Set([item.category, item.suggestedCategory].filter((c): c is string => !!c))];
  const categoryField = (
    <Form.Item
      name="category"
      label={t('demands.form.category')}
      extra={t('demands.form.categoryHint')}
      rules={[textLimit(t, CATEGORY_MAX)]}
    >
      <AutoComplete options={categories.map((c) => ({ value: c }))} data-testid="demand-step-category">
        <Input />
      </AutoComplete>
    </Form.Item>
  );
  const reasonField = (
    <Form.Item
      name="reason"
      label={t(`demands.form.reason.${step}`)}
      rules={[{ required: true, whitespace: true, min: 2, message: t('demands.form.reasonRequired') }, textLimit(t, REASON_MAX)]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: REASON_MAX }} data-testid="demand-step-reason" />
    </Form.Item>
  );

  return (
    <Modal
      open={step !== null}
      title={step ? `${t(`demands.actions.${step}`)} · ${item.code}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={step ? t(`demands.actions.${step}`) : ''}
      okButtonProps={{ loading: running, danger: step === 'reject' || step === 'hide', 'data-testid': 'demand-step-ok' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{
          category: item.category ?? item.suggestedCategory ?? undefined,
          urgent: item.urgent,
          departmentId: item.departmentId ?? item.suggestedDepartmentId ?? undefined,
        }}
      >
        {step === 'accept' && (
          <>
            {categoryField}
            <Form.Item name="urgent" valuePropName="checked">
              <Checkbox data-testid="demand-step-urgent">{t('demands.form.urgent')}</Checkbox>
            </Form.Item>
          </>
        )}
        {step === 'dispatch' && (
          <>
            <Form.Item
              name="departmentId"
              label={t('demands.form.department')}
              extra={
                item.suggestedDepartmentName ? t('demands.form.departmentSuggested', { name: item.suggestedDepartmentName }) : undefined
              }
              rules={[{ required: true, message: t('demands.form.departmentRequired') }]}
            >
              <DepartmentTreeSelect data-testid="demand-step-department" />
            </Form.Item>
            {categoryField}
          </>
        )}
        {step === 'sendBack' && <Alert type="info" showIcon title={t('demands.form.sendBackOnce')} style={{ marginBottom: 16 }} />}
        {(step === 'reject' || step === 'sendBack' || step === 'hide') && reasonField}
        {step === 'reply' && (
          <Form.Item
            name="reply"
            label={t('demands.form.reply')}
            extra={item.mergedCount > 0 ? t('demands.form.replyToAll', { count: item.mergedCount + 1 }) : t('demands.form.replyHint')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('demands.form.replyRequired') }, textLimit(t, REPLY_MAX)]}
          >
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} count={{ show: true, max: REPLY_MAX }} data-testid="demand-step-reply" />
          </Form.Item>
        )}
        {step === 'urge' && (
          <Form.Item
            name="note"
            label={t('demands.form.urgeNote')}
            extra={item.timer ? t('demands.form.urgeHint', { date: item.timer.dueOn }) : undefined}
            rules={[textLimit(t, REASON_MAX)]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: REASON_MAX }} data-testid="demand-step-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
