import { useEffect } from 'react';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RectificationCreateBody } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useOpenRectification } from './hooks.ts';

type Values = { departmentId: string; personId?: string | null; title: string; detail: string; dueOn?: Dayjs | null };
const TITLE_MAX = RectificationCreateBody.shape.title.maxLength ?? 200;
const DETAIL_MAX = RectificationCreateBody.shape.detail.maxLength ?? 4000;
const rename = (path: string) => path.replace(/^body\./, '');

/** 登记整改: the office opens an item by hand for a department; its head is told. */
export function OpenRectificationDrawer({
  open,
  onClose,
  onOpened,
}: {
  open: boolean;
  onClose: () => void;
  onOpened: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useOpenRectification();
  const errors = useFormErrors(form, { rename, showOther: true });
  const departmentId = Form.useWatch('departmentId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    create.mutate(
      {
        departmentId: v.departmentId,
        personId: v.personId ?? null,
        title: v.title.trim(),
        detail: v.detail.trim(),
        ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
      },
      {
        onSuccess: (item) => {
          toastSuccess(t('rectification.created'));
          onOpened(item.id);
        },
        onError: errors.show,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('rectification.createTitle')}
      size={560}
      form={form}
      onClose={onClose}
      saving={create.isPending}
      errors={errors.errors}
      saveTestId="rectification-open-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="departmentId"
          label={t('rectification.form.department')}
          rules={[{ required: true, message: t('rectification.form.departmentRequired') }]}
        >
          <DepartmentTreeSelect data-testid="rectification-open-department" onChange={() => form.setFieldValue('personId', null)} />
        </Form.Item>
        <Form.Item name="personId" label={t('rectification.form.person')}>
          <PersonPicker departmentId={departmentId} disabled={!departmentId} data-testid="rectification-open-person" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('rectification.form.title')}
          rules={[{ required: true, whitespace: true, message: t('rectification.form.titleRequired') }, textLimit(t, TITLE_MAX)]}
        >
          <Input count={{ show: true, max: TITLE_MAX }} data-testid="rectification-open-title" />
        </Form.Item>
        <Form.Item
          name="detail"
          label={t('rectification.form.detail')}
          rules={[{ required: true, whitespace: true, message: t('rectification.form.detailRequired') }, textLimit(t, DETAIL_MAX)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            count={{ show: true, max: DETAIL_MAX }}
            data-testid="rectification-open-detail"
          />
        </Form.Item>
        <Form.Item name="dueOn" label={t('rectification.form.dueOn')}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="rectification-open-due" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
