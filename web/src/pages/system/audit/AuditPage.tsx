import { useState } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@qinlian/contracts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { formatInstant } from '../../../components/time.ts';
import { AuditDetail } from './AuditDetail.tsx';
import { useAudit, useVerifyAudit, type AuditFilter } from './hooks.ts';

/** 审计日志: searchable, with before/after per row and a chain check. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const audit = useAudit(filter);
  const verify = useVerifyAudit();
  const patch = (next: Partial<AuditFilter>) => setFilter((f) => ({ ...f, page: 1, ...next }));
  const entityLabel = (type: string) => (i18n.exists(`audit.entities.${type}`) ? t(`audit.entities.${type}`) : type);
  const actionLabel = (code: string) => (i18n.exists(`audit.actions.${code}`) ? t(`audit.actions.${code}`) : null);
  const actionOptions = Object.keys(t('audit.actions', { returnObjects: true }) as Record<string, string>).map((code) => ({
    value: code,
    label: `${actionLabel(code)} · ${code}`,
  }));
  const entityOptions = Object.keys(t('audit.entities', { returnObjects: true }) as Record<string, string>).map((type) => ({
    value: type,
    label: entityLabel(type),
  }));

  const columns: ColumnsType<AuditEvent> = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 80 },
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 180, render: formatInstant },
    {
      key: 'actor',
      dataIndex: 'actorName',
      title: t('audit.actor'),
      width: 130,
      render: (v: string, e) => (e.actorId ? v : <Tag>{v || t('audit.system')}</Tag>),
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 240,
      render: (v: string) => (
        <span>
          {actionLabel(v) ?? v}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'entityType',
      dataIndex: 'entityType',
      title: t('audit.entityType'),
      width: 120,
      render: (v: string) => <Tag>{entityLabel(v)}</Tag>,
    },
    {
      key: 'summary',
      title: t('audit.entityName'),
      width: 220,
      ellipsis: true,
      render: (_: unknown, e) => {
        const snap = (e.after ?? e.before) as { name?: unknown; username?: unknown; title?: unknown } | null;
        const name = snap && typeof snap === 'object' ? (snap.name ?? snap.username ?? snap.title) : null;
        return typeof name === 'string' ? name : '—';
      },
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130 },
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
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (e) => <AuditDetail event={e} />, expandRowByClick: true }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
            }}
          />
        </div>
      </Card>
    </PageContainer>
  );
}
