import { useEffect } from 'react';
import { Form, Input, Modal, Segmented, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnquiryDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useDepartmentPosts, useHandOver } from './hooks.ts';

type Kind = 'person' | 'post' | 'department';
type Values = {
  kind: Kind;
  toPersonId?: string | null;
  postDepartmentId?: string | null;
  toPostId?: string;
  toDepartmentId?: string | null;
  note?: string;
};
const NOTE_MAX = 1000;
const KINDS: Kind[] = ['person', 'post', 'department'];

/**
 * 移交: to a person, a post (whoever holds it now: B while A is away) or a department. The server
 * refuses oneself, archived units and posts and people who left, and says so beside the field.
 */
export function HandOverDialog({ enquiry, onClose }: { enquiry: EnquiryDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const handOver = useHandOver();
  const errors = useFormErrors(form, { showOther: true });
  const kind = Form.useWatch('kind', form) ?? 'person';
  const postDepartmentId = Form.useWatch('postDepartmentId', form);
  const posts = useDepartmentPosts(kind === 'post' ? postDepartmentId : null);

  useEffect(() => {
    if (!enquiry) return;
    form.resetFields();
    errors.clear();
  }, [enquiry, form, errors.clear]);

  const submit = (v: Values) => {
    if (!enquiry) return;
    errors.clear();
    const to =
      v.kind === 'person'
        ? { toPersonId: v.toPersonId! }
        : v.kind === 'post'
          ? { toPostId: v.toPostId! }
          : { toDepartmentId: v.toDepartmentId! };
    handOver.mutate(
      { id: enquiry.id, ...to, note: v.note?.trim() || undefined, version: enquiry.version },
      {
        onSuccess: () => {
          toastSuccess(t('enquiries.done.handOver'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const required = [{ required: true, message: t('enquiries.required.target') }];
  const postOptions = (posts.data?.items ?? [])
    .filter((p) => !p.archived)
    .map((p) => {
      const holder = p.actingPersonId === p.aPersonId ? p.aPersonName : p.actingPersonId === p.bPersonId ? p.bPersonName : null;
      return {
        value: p.id,
        label: `${p.name} · ${holder ? t('enquiries.handover.heldBy', { name: holder }) : t('enquiries.handover.unheld')}`,
      };
    });

  return (
    <Modal
      open={!!enquiry}
      title={t('enquiries.handover.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enquiries.actions.handOver')}
      okButtonProps={{ loading: handOver.isPending, 'data-testid': 'enquiry-handover-submit' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('enquiries.handover.hint')}</Typography.Paragraph>
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'person' }} requiredMark="optional">
        <Form.Item name="kind" label={t('enquiries.handover.to')}>
          <Segmented<Kind>
            options={KINDS.map((k) => ({ value: k, label: t(`enquiries.handover.kinds.${k}`) }))}
            data-testid="enquiry-handover-kind"
          />
        </Form.Item>
        {kind === 'person' && (
          <Form.Item name="toPersonId" label={t('enquiries.handover.person')} rules={required}>
            <PersonPicker style={{ width: '100%' }} data-testid="enquiry-handover-person" />
          </Form.Item>
        )}
        {kind === 'post' && (
          <>
            <Form.Item name="postDepartmentId" label={t('enquiries.handover.postDepartment')} rules={required}>
              <DepartmentTreeSelect style={{ width: '100%' }} onChange={() => form.setFieldValue('toPostId', undefined)} />
            </Form.Item>
            <Form.Item name="toPostId" label={t('enquiries.handover.post')} rules={required}>
              <Select
                options={postOptions}
                loading={posts.isFetching}
                disabled={!postDepartmentId}
                placeholder={t('enquiries.handover.pickPost')}
                data-testid="enquiry-handover-post"
              />
            </Form.Item>
          </>
        )}
        {kind === 'department' && (
          <Form.Item name="toDepartmentId" label={t('enquiries.handover.department')} rules={required}>
            <DepartmentTreeSelect style={{ width: '100%' }} data-testid="enquiry-handover-department" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('enquiries.fields.note')} rules={[textLimit(t, NOTE_MAX)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('enquiries.placeholders.handoverNote')}
            data-testid="enquiry-handover-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
