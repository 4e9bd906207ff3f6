import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryDocument } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useEditDocument } from './hooks.ts';

type Values = { title: string; organ: string; numberPrefix: string; intro?: string };
const rename = (path: string) => path.replace(/^body\./, '');
const PREFIX = /^[\p{Script=Han}A-Za-z]{1,20}$/u;

/** The draft's own words: title, issuing organ, the prefix its number takes, the editor's note. */
export function DocumentForm({ document }: { document: SummaryDocument }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const edit = useEditDocument();
  const save = (v: Values) => {
    errors.clear();
    edit.mutate(
      {
        id: document.id,
        version: document.version,
        title: v.title.trim(),
        organ: v.organ.trim(),
        numberPrefix: v.numberPrefix.trim(),
        intro: v.intro?.trim() ?? '',
      },
      { onSuccess: () => toastSuccess(t('summaries.documents.saved')), onError: errors.show },
    );
  };
  return (
    <Card size="small">
      <FieldErrorsAlert errors={errors.errors} />
      <Form
        key={document.version}
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ title: document.title, organ: document.organ, numberPrefix: document.numberPrefix, intro: document.intro }}
      >
        <Form.Item
          name="title"
          label={t('summaries.documents.fields.title')}
          rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}
        >
          <Input count={{ show: true, max: 200 }} data-testid="summary-document-title" />
        </Form.Item>
        <Form.Item
          name="organ"
          label={t('summaries.documents.fields.organ')}
          rules={[{ required: true, whitespace: true }, textLimit(t, 100)]}
        >
          <Input data-testid="summary-document-organ" />
        </Form.Item>
        <Form.Item
          name="numberPrefix"
          label={t('summaries.documents.fields.numberPrefix')}
          extra={t('summaries.documents.prefixHelp')}
          rules={[{ required: true, pattern: PREFIX, message: t('summaries.documents.prefixInvalid') }]}
        >
          <Input style={{ maxWidth: 240 }} data-testid="summary-document-prefix" />
        </Form.Item>
        <Form.Item name="intro" label={t('summaries.documents.fields.intro')} rules={[textLimit(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="summary-document-intro" />
        </Form.Item>
        <Flex justify="flex-end">
          <Button htmlType="submit" icon={<SaveOutlined />} loading={edit.isPending} data-testid="summary-document-save">
            {t('summaries.documents.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
