import { useEffect } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Experience } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useEditExperience, useSubmitExperience } from './hooks.ts';
import { periodLabel, recentHalves } from './periodLabel.ts';

type Values = { title: string; text: string; period?: string };
const rename = (path: string) => path.replace(/^body\./, '');

/**
 * 典型经验: a new one of the user's department (`experience` null), or one to edit — the department its
 * own before selection, the office until it is published; read-only to everyone else.
 */
export function ExperienceDrawer({ open, experience, onClose }: { open: boolean; experience: Experience | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const create = useSubmitExperience();
  const edit = useEditExperience();
  const readOnly = !!experience && !experience.abilities.edit;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ title: experience?.title ?? '', text: experience?.text ?? '', period: recentHalves()[0] });
    errors.clear();
  }, [open, form, errors.clear, experience]);

  const done = (key: 'created' | 'saved') => () => {
    toastSuccess(t(`summaries.experiences.${key}`));
    onClose();
  };
  const submit = (v: Values) => {
    errors.clear();
    const body = { title: v.title.trim(), text: v.text.trim() };
    if (experience)
      edit.mutate({ id: experience.id, version: experience.version, ...body }, { onSuccess: done('saved'), onError: errors.show });
    else create.mutate({ ...body, period: v.period }, { onSuccess: done('created'), onError: errors.show });
  };
  return (
    <FormDrawer
      open={open}
      title={experience ? experience.title : t('summaries.experiences.submit')}
      size={720}
      form={form}
      onClose={onClose}
      saving={create.isPending || edit.isPending}
      readOnly={readOnly}
      errors={errors.errors}
      saveTestId="experience-save"
    >
      {experience && (
        <Typography.Paragraph type="secondary">
          {experience.departmentName}
          {experience.editedByName && ` · ${t('summaries.experiences.editedBy', { name: experience.editedByName })}`}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} disabled={readOnly}>
        {!experience && (
          <Form.Item name="period" label={t('summaries.experiences.period')}>
            <Select
              options={recentHalves().map((h) => ({ value: h, label: periodLabel(t, h) }))}
              style={{ width: 200 }}
              data-testid="experience-period"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('summaries.experiences.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('summaries.experiences.titleRequired') }, textLimit(t, 100)]}
        >
          <Input count={{ show: true, max: 100 }} data-testid="experience-title" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('summaries.experiences.fields.text')}
          rules={[{ required: true, whitespace: true, message: t('summaries.experiences.textRequired') }, textLimit(t, 20000)]}
        >
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} data-testid="experience-text" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
