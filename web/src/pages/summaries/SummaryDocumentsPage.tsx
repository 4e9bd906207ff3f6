import { useMemo } from 'react';
import { Alert, Card, Flex, Grid, Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SummaryDocumentKind, type SummaryDocumentListItem } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { DraftDocumentCard } from './DraftDocumentCard.tsx';
import { documentColumns } from './documentColumns.tsx';
import { useSummaryDocuments } from './hooks.ts';

const KINDS = SummaryDocumentKind.options;

/** 汇编与发布: the area's monthly summaries and experience collections, newest first; the office drafts new ones. */
export function SummaryDocumentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const kind = KINDS.includes(params.get('kind') as SummaryDocumentKind) ? (params.get('kind') as SummaryDocumentKind) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useSummaryDocuments({ kind, page, pageSize });
  const columns = useMemo(() => documentColumns(t, phone), [t, phone]);
  const patch = (next: Record<string, string | number | undefined>) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if (!('page' in next)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  return (
    <PageContainer title={t('summaries.documents.title')} subtitle={t('summaries.documents.subtitle')}>
      <Flex vertical gap={16}>
        {can('summaries.review') && <DraftDocumentCard />}
        <Card styles={{ body: { paddingTop: 12 } }}>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Select<SummaryDocumentKind>
              allowClear
              placeholder={t('summaries.documents.kind')}
              value={kind}
              onChange={(v) => patch({ kind: v })}
              options={KINDS.map((k) => ({ value: k, label: t(`summaries.documents.kinds.${k}`) }))}
              style={{ width: 160 }}
              data-testid="summary-document-kind-filter"
            />
          </Flex>
          {list.isError && <Alert type="error" showIcon title={t('summaries.loadFailed')} style={{ marginBottom: 12 }} />}
          <Table<SummaryDocumentListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={phone ? undefined : { x: 'max-content' }}
            tableLayout={phone ? 'fixed' : undefined}
            locale={{ emptyText: t('summaries.documents.empty') }}
            pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
              patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
            )}
            data-testid="summary-document-table"
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
