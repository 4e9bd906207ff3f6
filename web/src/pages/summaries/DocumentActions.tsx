import { useState } from 'react';
import { DownloadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryDocument } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { downloadDocument, usePublishDocument } from './hooks.ts';

/** 下载 DOCX / XLSX (a spinner while the file is made) and 发布 (the number is taken then). */
export function DocumentActions({ document }: { document: SummaryDocument }) {
  const { t } = useTranslation();
  const publish = usePublishDocument();
  const [making, setMaking] = useState<'docx' | 'xlsx' | null>(null);
  const fetchFile = (format: 'docx' | 'xlsx') => {
    setMaking(format);
    downloadDocument(document, format)
      .catch((err: Error) => toastError(err.message))
      .finally(() => setMaking(null));
  };
  return (
    <Card size="small">
      <Flex gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={making === 'docx'}
          onClick={() => fetchFile('docx')}
          data-testid="summary-document-docx"
        >
          {making === 'docx' ? t('summaries.documents.generating') : t('summaries.documents.downloadDocx')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={making === 'xlsx'}
          onClick={() => fetchFile('xlsx')}
          data-testid="summary-document-xlsx"
        >
          {making === 'xlsx' ? t('summaries.documents.generating') : t('summaries.documents.downloadXlsx')}
        </Button>
        {document.abilities.publish && (
          <Popconfirm
            title={t('summaries.documents.publish')}
            description={<div style={{ maxWidth: 280 }}>{t('summaries.documents.publishConfirm')}</div>}
            onConfirm={() =>
              publish.mutate(
                { id: document.id, version: document.version },
                {
                  onSuccess: (d) => toastSuccess(t('summaries.documents.published', { number: d.number })),
                  onError: (err) => toastError(err.message),
                },
              )
            }
          >
            <Button
              type="primary"
              icon={<FileDoneOutlined />}
              loading={publish.isPending}
              disabled={document.entries.length === 0}
              data-testid="summary-document-publish"
            >
              {t('summaries.documents.publish')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
