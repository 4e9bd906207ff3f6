import { useState } from 'react';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Steps, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@qinlian/contracts';
import { ApiError } from '../../../api/client.ts';
import { ImportProgressBar } from '../../../domain/imports/ImportProgressBar.tsx';
import type { ImportProgress } from '../../../domain/imports/runImport.ts';
import { downloadImportTemplate, useImportPeople } from './hooks.ts';

type Props = { open: boolean; onClose: () => void };

/** Upload → dry run (row-by-row report) → confirm. Nothing is written while any row is wrong; a large file shows its progress. */
export function ImportModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const run = useImportPeople();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const step = report?.committed ? 2 : report ? 1 : 0;

  const restart = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
    setProgress(null);
    run.reset();
  };
  const close = () => {
    restart();
    onClose();
  };

  const go = (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setProgress(null);
    run.mutate(
      { file, dryRun, onProgress: setProgress },
      {
        onSettled: () => setProgress(null),
        onSuccess: setReport,
        onError: (err) => {
          setFailure(err.message);
          // A rejected import may still carry its report beside the error.
          if (err instanceof ApiError && err.fields.length) {
            setReport({
              dryRun,
              committed: false,
              total: 0,
              created: 0,
              errors: err.fields.map((f, i) => ({ row: Number(f.path.match(/\d+/)?.[0] ?? i + 1), field: f.path, message: f.message })),
            });
          }
        },
      },
    );
  };

  const errors = report?.errors ?? [];
  const footer =
    step === 2
      ? [
          <Button key="close" type="primary" onClick={close}>
            {t('common.close')}
          </Button>,
        ]
      : step === 1
        ? [
            <Button key="again" onClick={restart}>
              {t('importer.again')}
            </Button>,
            <Button
              key="go"
              type="primary"
              disabled={errors.length > 0}
              loading={run.isPending}
              onClick={() => go(false)}
              data-testid="import-confirm"
            >
              {t('importer.confirm')}
            </Button>,
          ]
        : [
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="check"
              type="primary"
              disabled={!file}
              loading={run.isPending}
              onClick={() => go(true)}
              data-testid="import-preview"
            >
              {t('importer.preview')}
            </Button>,
          ];

  return (
    <Modal open={open} title={t('importer.title')} onCancel={close} footer={footer} width={720} destroyOnHidden>
      <Steps
        current={step}
        size="small"
        style={{ margin: '8px 0 20px' }}
        items={[{ title: t('importer.step1') }, { title: t('importer.step2') }, { title: t('importer.step3') }]}
      />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {run.isPending && progress && <ImportProgressBar progress={progress} />}
      {step === 0 && (
        <>
          <Button
            icon={<DownloadOutlined />}
            type="link"
            style={{ paddingInline: 0, marginBottom: 8 }}
            onClick={() => void downloadImportTemplate().catch((e: Error) => setFailure(e.message))}
          >
            {t('importer.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('importer.drop')}</p>
            <p className="ant-upload-hint">{t('importer.dropHint')}</p>
          </Upload.Dragger>
        </>
      )}
      {step === 1 && report && (
        <>
          {errors.length === 0 ? (
            <Alert type="success" showIcon title={t('importer.okAll', { total: report.total })} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('importer.hasErrors', { count: errors.length })}
              description={report.total ? t('importer.total', { total: report.total }) : undefined}
            />
          )}
          {errors.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              dataSource={errors}
              pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { key: 'row', dataIndex: 'row', title: t('importer.row'), width: 80 },
                {
                  key: 'field',
                  dataIndex: 'field',
                  title: t('importer.field'),
                  width: 160,
                  render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                },
                { key: 'message', dataIndex: 'message', title: t('importer.message') },
              ]}
              data-testid="import-errors"
            />
          )}
        </>
      )}
      {step === 2 && report && <Result status="success" title={t('importer.done', { created: report.created })} />}
    </Modal>
  );
}
