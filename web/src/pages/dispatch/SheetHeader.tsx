import { useState } from 'react';
import { DownloadOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchSheet } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { formatInstant } from '../../components/time.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { DispatchStatusTag } from './DispatchStatusTag.tsx';
import { itemInputs } from './itemInputs.ts';
import { downloadSheetDocument, useCloseSheet, useEditSheet } from './hooks.ts';
import { weekLabel } from './weekLabel.ts';

/** The sheet's title, week, organiser and state; editing its title and notes; closing it (归档). */
export function SheetHeader({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useTranslation();
  const close = useCloseSheet();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <DispatchStatusTag status={sheet.status} />
            <Typography.Text type="secondary">
              {weekLabel(t, sheet.week)} · {t('dispatch.span', { start: sheet.weekStart, end: sheet.weekEnd })}
            </Typography.Text>
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 4px', overflowWrap: 'anywhere' }} data-testid="dispatch-title">
            {sheet.title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sheet.departmentName} · {sheet.planName} ·{' '}
            {t('dispatch.draftedBy', { name: sheet.draftedByName, at: formatInstant(sheet.draftedAt) })}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <DocumentButton id={sheet.id} kind="docx" />
          <DocumentButton id={sheet.id} kind="xlsx" />
          {sheet.abilities.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="dispatch-edit-title">
              {t('common.edit')}
            </Button>
          )}
          {sheet.abilities.close && (
            <Popconfirm
              title={t('dispatch.close.title')}
              description={<div style={{ maxWidth: 280 }}>{t('dispatch.close.confirm')}</div>}
              onConfirm={() =>
                close.mutate(
                  { id: sheet.id, version: sheet.version },
                  { onSuccess: () => toastSuccess(t('dispatch.close.done')), onError: (err) => toastError(err.message) },
                )
              }
            >
              <Button icon={<InboxOutlined />} loading={close.isPending} data-testid="dispatch-close">
                {t('dispatch.close.action')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      {sheet.notes && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '12px 0 0' }} data-testid="dispatch-notes">
          {sheet.notes}
        </Typography.Paragraph>
      )}
      {sheet.omittedItems > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('dispatch.items.omitted', { count: sheet.omittedItems })} />
      )}
      <TitleDialog sheet={sheet} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

/** 下载公文 / 表格: spins while the server builds the file. */
function DocumentButton({ id, kind }: { id: string; kind: 'docx' | 'xlsx' }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const fetchIt = () => {
    setBusy(true);
    downloadSheetDocument(id, kind)
      .catch((err: Error) => toastError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={fetchIt} data-testid={`dispatch-download-${kind}`}>
      {t(`dispatch.download.${kind}`)}
    </Button>
  );
}

type Values = { title: string; notes: string };
const rename = (path: string) => path.replace(/^body\./, '');

function TitleDialog({ sheet, open, onClose }: { sheet: DispatchSheet; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const edit = useEditSheet();
  const submit = (v: Values) => {
    errors.clear();
    edit.mutate(
      { id: sheet.id, version: sheet.version, title: v.title.trim(), notes: v.notes?.trim() ?? '', items: itemInputs(sheet) },
      {
        onSuccess: () => {
          toastSuccess(t('dispatch.items.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('common.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: edit.isPending }}
      destroyOnHidden
      width={560}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ title: sheet.title, notes: sheet.notes }}>
        <Form.Item name="title" label={t('dispatch.items.sheetTitle')} rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}>
          <Input count={{ show: true, max: 200 }} data-testid="dispatch-title-input" />
        </Form.Item>
        <Form.Item name="notes" label={t('dispatch.items.notes')} rules={[textLimit(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('dispatch.items.notesPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
