import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Solicitation } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useSaveSolicitation } from './hooks.ts';

type Values = { title: string; period: [Dayjs, Dayjs]; categories: string[]; description?: string };

/** The server's names for the period's ends are the form's one range field. */
const rename = (path: string) => {
  const name = path.replace(/^body\./, '');
  return name === 'opensOn' || name === 'closesOn' ? 'period' : name;
};
const TITLE_MAX = 100;
const DESCRIPTION_MAX = 2000;
const CATEGORY_MAX = 40;
const CATEGORIES_MAX = 30;

/**
 * 发起 / 修改征集活动: its title, its period (both days included, Asia/Shanghai), the categories
 * the public chooses from (typed as tags), and what it asks. `editing` null: a new campaign.
 */
export function SolicitationDialog({ open, editing, onClose }: { open: boolean; editing: Solicitation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const save = useSaveSolicitation();

  useEffect(() => {
    if (!open) return;
    errors.clear();
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        title: editing.title,
        period: [dayjs(editing.opensOn), dayjs(editing.closesOn)],
        categories: editing.categories,
        description: editing.description,
      });
  }, [open, editing, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    const fields = {
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      categories: v.categories.map((c) => c.trim()).filter(Boolean),
      opensOn: v.period[0].format('YYYY-MM-DD'),
      closesOn: v.period[1].format('YYYY-MM-DD'),
    };
    save.mutate(editing ? { id: editing.id, patch: { ...fields, version: editing.version } } : { body: fields }, {
      onSuccess: () => {
        toastSuccess(t(editing ? 'solicitations.saved' : 'solicitations.created'));
        onClose();
      },
      onError: errors.show,
    });
  };

  return (
    <Modal
      open={open}
      title={t(editing ? 'solicitations.editTitle' : 'solicitations.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'solicitation-save' } as ButtonProps}
      forceRender
      mask={{ closable: false }}
      width={620}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="title"
          label={t('solicitations.fields.title')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('solicitations.form.titleRequired') }, textLimit(t, TITLE_MAX)]}
        >
          <Input
            count={{ show: true, max: TITLE_MAX }}
            placeholder={t('solicitations.form.titlePlaceholder')}
            data-testid="solicitation-title"
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('solicitations.fields.period')}
          extra={t('solicitations.form.periodHint')}
          rules={[{ required: true, message: t('solicitations.form.periodRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="solicitation-period" />
        </Form.Item>
        <Form.Item
          name="categories"
          label={t('solicitations.fields.categories')}
          extra={t('solicitations.form.categoriesHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('solicitations.form.categoriesRequired') },
            { type: 'array', max: CATEGORIES_MAX, message: t('solicitations.form.categoriesTooMany', { max: CATEGORIES_MAX }) },
            {
              validator: (_, v: string[] | undefined) =>
                (v ?? []).every((c) => c.trim().length <= CATEGORY_MAX)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('planning.tooLong', { max: CATEGORY_MAX }))),
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} data-testid="solicitation-categories" />
        </Form.Item>
        <Form.Item name="description" label={t('solicitations.fields.description')} rules={[textLimit(t, DESCRIPTION_MAX)]}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            count={{ show: true, max: DESCRIPTION_MAX }}
            placeholder={t('solicitations.form.descriptionPlaceholder')}
            data-testid="solicitation-description"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
