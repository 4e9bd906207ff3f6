import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SummaryDocument } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { DocumentActions } from './DocumentActions.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';
import { useSummaryDocument } from './hooks.ts';

/**
 * One compilation (汇编): its words (editable while a draft), what it carries, the preview as it would
 * print, the DOCX and XLSX downloads, and 发布.
 */
export function SummaryDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useSummaryDocument(id);
  const d = one.data;
  return (
    <div className="page">
      <Link to="/summaries/documents" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('summaries.documents.back')}
      </Link>
      {one.isError && <Alert type="error" showIcon title={(one.error as Error).message} />}
      {one.isLoading && <Spin />}
      {d && (
        <Flex vertical gap={16}>
          <Header document={d} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <DocumentActions document={d} />
                {d.abilities.edit && <DocumentForm document={d} />}
                <Entries document={d} />
              </Flex>
            </Col>
            <Col xs={24} xl={14}>
              <DocumentPreview document={d} />
            </Col>
          </Row>
        </Flex>
      )}
    </div>
  );
}

function Header({ document: d }: { document: SummaryDocument }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Flex gap={8} wrap align="center">
        <SummaryStatusTag of="document" status={d.status} />
        <Typography.Text type="secondary">
          {t(`summaries.documents.kinds.${d.kind}`)} · {periodLabel(t, d.period)}
        </Typography.Text>
        {d.number && (
          <Typography.Text strong data-testid="summary-document-number">
            {d.number}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Title level={4} style={{ margin: '8px 0 4px', overflowWrap: 'anywhere' }} data-testid="summary-document-heading">
        {d.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.organ} · {t('summaries.documents.draftedBy', { name: d.draftedByName, at: formatInstant(d.draftedAt) })}
        {d.publishedByName && ` · ${t('summaries.documents.publishedBy', { name: d.publishedByName, at: formatInstant(d.publishedAt) })}`}
      </Typography.Text>
    </Card>
  );
}

/** What it carries: the departments whose summaries were accepted, or the selected experiences; who is still missing. */
function Entries({ document: d }: { document: SummaryDocument }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('summaries.documents.entries', { n: d.entries.length })}>
      {d.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('summaries.documents.missing', { names: d.missing.join('、') })}
        />
      )}
      {d.entries.length === 0 && <Typography.Text type="secondary">{t('summaries.documents.noEntries')}</Typography.Text>}
      {d.entries.map((e, i) => (
        <div key={e.id} style={{ padding: '4px 0', overflowWrap: 'anywhere' }} data-testid="summary-document-entry">
          {i + 1}. {e.title}
          {e.title !== e.departmentName && <Typography.Text type="secondary">（{e.departmentName}）</Typography.Text>}
        </div>
      ))}
    </Card>
  );
}
