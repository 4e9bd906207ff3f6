import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RectificationResolution, RevisitOutcome, RevisitWay, type Rectification, type RectificationAbilities } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useAssign, useReturn, useRevisit, useSubmit, useVerify } from './hooks.ts';

export type Step = keyof RectificationAbilities;

type Values = {
  ownerPersonId?: string;
  resolution?: RectificationResolution;
  note?: string;
  attachmentRef?: string;
  reason?: string;
  revisitedOn?: Dayjs;
  way?: RevisitWay;
  contactName?: string;
  contactPhone?: string;
  outcome?: RevisitOutcome;
};

const rename = (path: string) => path.replace(/^body\./, '');
const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** One step of an item in a dialog: 指派, 报送, 核实办结, 退回, 回访 — the fields each needs, the server's answer beside them. */
export function StepDialog({ item, step, onClose }: { item: Rectification; step: Step | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const mutations = { assign: useAssign(), submit: useSubmit(), verify: useVerify(), return: useReturn(), revisit: useRevisit() };
  const running = step ? mutations[step].isPending : false;

  useEffect(() => {
    if (!step) return;
    form.resetFields();
    errors.clear();
  }, [step, form, errors.clear]);

  const done = {
    onSuccess: () => {
      toastSuccess(t(`rectification.done.${step}`));
      onClose();
    },
    onError: errors.show,
  };
  const submit = (v: Values) => {
    errors.clear();
    const base = { id: item.id, version: item.version };
    if (step === 'assign') mutations.assign.mutate({ ...base, ownerPersonId: v.ownerPersonId! }, done);
    if (step === 'submit')
      mutations.submit.mutate({ ...base, resolution: v.resolution!, note: v.note!.trim(), attachmentRef: text(v.attachmentRef) }, done);
    if (step === 'verify') mutations.verify.mutate({ ...base, note: text(v.note) }, done);
    if (step === 'return') mutations.return.mutate({ ...base, reason: v.reason!.trim() }, done);
    if (step === 'revisit')
      mutations.revisit.mutate(
        {
          ...base,
          revisitedOn: v.revisitedOn!.format('YYYY-MM-DD'),
          way: v.way!,
          contactName: text(v.contactName),
          contactPhone: text(v.contactPhone),
          outcome: v.outcome!,
          note: text(v.note),
        },
        done,
      );
  };

  const required = (key: string) => ({ required: true, whitespace: true, message: t(`rectification.form.${key}`) });
  return (
    <Modal
      open={step !== null}
      title={step ? `${t(`rectification.actions.${step}`)} · ${item.code}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={step ? t(`rectification.actions.${step}`) : ''}
      okButtonProps={{ loading: running, danger: step === 'return', 'data-testid': 'rectification-step-ok' } as ButtonProps}
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
        initialValues={{ resolution: 'fixed', way: 'phone', revisitedOn: dayjs(), ownerPersonId: item.ownerPersonId ?? undefined }}
      >
        {step === 'assign' && (
          <Form.Item
            name="ownerPersonId"
            label={t('rectification.form.owner')}
            extra={t('rectification.form.ownerHint')}
            rules={[{ required: true, message: t('rectification.form.ownerRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={item.ownerCandidates.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
              data-testid="rectification-owner"
            />
          </Form.Item>
        )}
        {step === 'submit' && (
          <>
            <Form.Item name="resolution" label={t('rectification.form.resolution')}>
              <Radio.Group
                options={RectificationResolution.options.map((r) => ({ value: r, label: t(`rectification.resolutions.${r}`) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('rectification.form.note')} rules={[required('noteRequired'), textLimit(t, 4000)]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} count={{ show: true, max: 4000 }} data-testid="rectification-note" />
            </Form.Item>
            <Form.Item name="attachmentRef" label={t('rectification.form.attachmentRef')} rules={[textLimit(t, 500)]}>
              <Input data-testid="rectification-attachment" />
            </Form.Item>
          </>
        )}
        {step === 'verify' && (
          <Form.Item name="note" label={t('rectification.form.verifyNote')} rules={[textLimit(t, 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="rectification-verify-note" />
          </Form.Item>
        )}
        {step === 'return' && (
          <Form.Item name="reason" label={t('rectification.form.reason')} rules={[required('reasonRequired'), textLimit(t, 2000)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="rectification-reason" />
          </Form.Item>
        )}
        {step === 'revisit' && (
          <>
            <Form.Item
              name="revisitedOn"
              label={t('rectification.form.revisitedOn')}
              rules={[{ required: true, message: t('rectification.form.revisitedOnRequired') }]}
            >
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="rectification-revisit-date" />
            </Form.Item>
            <Form.Item name="way" label={t('rectification.form.way')}>
              <Radio.Group options={RevisitWay.options.map((w) => ({ value: w, label: t(`rectification.ways.${w}`) }))} />
            </Form.Item>
            <Form.Item name="contactName" label={t('rectification.form.contactName')} rules={[textLimit(t, 50)]}>
              <Input data-testid="rectification-contact-name" />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('rectification.form.contactPhone')} rules={[textLimit(t, 30)]}>
              <Input inputMode="tel" data-testid="rectification-contact-phone" />
            </Form.Item>
            <Form.Item
              name="outcome"
              label={t('rectification.form.outcome')}
              rules={[{ required: true, message: t('rectification.form.outcomeRequired') }]}
            >
              <Radio.Group
                options={RevisitOutcome.options.map((o) => ({ value: o, label: t(`rectification.outcomes.${o}`) }))}
                data-testid="rectification-outcome"
              />
            </Form.Item>
            <Form.Item name="note" label={t('rectification.form.revisitNote')} rules={[textLimit(t, 2000)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
