import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useEditBulletin } from './hooks.ts';

/** 正文: the summary (总体情况, after the figures paragraph) and the requirements (下一步工作要求); editable until published. */
export function TextCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const part = (label: string, text: string, testId: string) => (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Paragraph
        type={text ? undefined : 'secondary'}
        style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}
        data-testid={testId}
      >
        {text || t('bulletins.text.none')}
      </Typography.Paragraph>
    </div>
  );
  return (
    <Card
      title={t('bulletins.text.title')}
      extra={
        bulletin.abilities.edit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="bulletin-text-edit">
            {t('bulletins.text.edit')}
          </Button>
        )
      }
    >
      {part(t('bulletins.text.summary'), bulletin.summary, 'bulletin-summary')}
      {part(t('bulletins.text.requirements'), bulletin.requirements, 'bulletin-requirements')}
      <TextDialog bulletin={bulletin} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

type Values = { title: string; summary?: string; requirements?: string };
const rename = (path: string) => path.replace(/^body\./, '');

function TextDialog({ bulletin, open, onClose }: { bulletin: Bulletin; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const edit = useEditBulletin();
  const submit = (v: Values) => {
    errors.clear();
    const { id, version } = bulletin;
    edit.mutate(
      { id, version, title: v.title.trim(), summary: v.summary?.trim() ?? '', requirements: v.requirements?.trim() ?? '' },
      {
        onSuccess: () => {
          toastSuccess(t('bulletins.text.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('bulletins.text.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: edit.isPending, 'data-testid': 'bulletin-text-save' }}
      destroyOnHidden
      width={640}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={bulletin}>
        <Form.Item name="title" label={t('bulletins.text.bulletinTitle')} rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}>
          <Input count={{ show: true, max: 200 }} data-testid="bulletin-title-input" />
        </Form.Item>
        <Form.Item name="summary" label={t('bulletins.text.summary')} extra={t('bulletins.text.summaryHint')} rules={[textLimit(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="bulletin-summary-input" />
        </Form.Item>
        <Form.Item name="requirements" label={t('bulletins.text.requirements')} rules={[textLimit(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
