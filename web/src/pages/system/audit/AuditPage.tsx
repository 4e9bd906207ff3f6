import { useState } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@qinlian/contracts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { serverPagination } from '../../../components/serverPagination.ts';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { formatInstant } from '../../../components/time.ts';
import { AuditDetail } from './AuditDetail.tsx';
import { useAudit, useVerifyAudit, type AuditFilter } from './hooks.ts';
import { auditSubject, useAuditLabels } from './useAuditLabels.ts';

/**
 * 审计日志: searchable, actions and record types in the reader's language, each record's
 * before / after and chain hash in a drawer; the columns fit a 1440 px screen without scrolling sideways.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const audit = useAudit(filter);
  const verify = useVerifyAudit();
  const patch = (next: Partial<AuditFilter>) => setFilter((f) => ({ ...f, page: 1, ...next }));
  const actionOptions = labels.actionCodes().map((code) => ({ value: code, label: `${labels.action(code)} · ${code}` }));
  const entityOptions = labels.entityTypes().map((type) => ({ value: type, label: labels.entity(type) }));

  // fixed widths for the short columns; action and record share what is left, cut with an ellipsis
  const columns: ColumnsType<AuditEvent> = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 80 },
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 170, render: formatInstant },
    {
      key: 'actor',
      dataIndex: 'actorName',
      title: t('audit.actor'),
      width: 130,
      ellipsis: true,
      render: (v: string, e) => (e.actorId ? v : <Tag>{v || t('audit.system')}</Tag>),
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      ellipsis: { showTitle: false },
      render: (code: string) => (
        <Tooltip title={code}>
          <span data-testid="audit-action-name">{labels.action(code)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'entityType',
      dataIndex: 'entityType',
      title: t('audit.entityType'),
      width: 130,
      ellipsis: true,
      render: (v: string) => <Tag>{labels.entity(v)}</Tag>,
    },
    { key: 'summary', title: t('audit.entityName'), ellipsis: true, render: (_: unknown, e) => auditSubject(e) ?? '—' },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 140, ellipsis: true },
    {
      key: 'detail',
      title: '',
      width: 72,
      render: (_: unknown, e) => (
        <Button type="link" size="small" onClick={() => setOpen(e)} data-testid={`audit-open-${e.seq}`}>
          {t('audit.detail')}
        </Button>
      ),
    },
  ];

  const result = verify.data;
  return (
    <PageContainer
      title={t('audit.title')}
      subtitle={t('audit.subtitle')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      }
    >
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={
            result.ok
              ? t('audit.verifyOk', { checked: result.checked, algorithm: result.algorithm })
              : t('audit.verifyBad', { seq: result.firstBadSeq ?? '?', reason: result.reason ?? '' })
          }
          data-testid="audit-verify-result"
        />
      )}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput
            placeholder={t('audit.searchPlaceholder')}
            value={q}
            onChange={setQ}
            onSearch={(v) => patch({ q: v.trim() || undefined })}
            width={280}
            data-testid="audit-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.action')}
            value={filter.action}
            onChange={(v?: string) => patch({ action: v })}
            options={actionOptions}
            style={{ width: 240 }}
            popupMatchSelectWidth={false}
            data-testid="audit-action"
          />
          <Select
            allowClear
            placeholder={t('audit.entityType')}
            value={filter.entityType}
            onChange={(v?: string) => patch({ entityType: v })}
            options={entityOptions}
            style={{ width: 150 }}
            data-testid="audit-entity-type"
          />
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            onChange={(range) => patch({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
            data-testid="audit-range"
          />
        </Flex>
        <div data-testid="audit-table">
          <Table
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            tableLayout="fixed"
            onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
            pagination={serverPagination(t, { ...filter, total: audit.data?.total ?? 0 }, (paging) =>
              setFilter((f) => ({ ...f, ...paging })),
            )}
          />
        </div>
      </Card>
      <AuditDetail event={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
