import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Grid, Select, Table, Tabs, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RectificationSource, RectificationStatus, type RectificationItem } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { rectificationColumns } from './columns.tsx';
import { OpenRectificationDrawer } from './OpenRectificationDrawer.tsx';
import { useRectifications } from './hooks.ts';

type Status = RectificationStatus;
const STATUSES = RectificationStatus.options;
const SOURCES = RectificationSource.options;

/** 整改事项: status tabs with their counts, overdue only, by source and department; the view lives in the URL. */
export function RectificationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const phone = Grid.useBreakpoint().md === false;
  const status = STATUSES.includes(params.get('status') as Status) ? (params.get('status') as Status) : undefined;
  const source = SOURCES.includes(params.get('source') as RectificationSource) ? (params.get('source') as RectificationSource) : undefined;
  const departmentId = params.get('departmentId') ?? undefined;
  const overdue = params.get('overdue') === 'true' ? ('true' as const) : undefined;
  // from the desk's 待整改: only what I may submit
  const desk = params.get('desk') === 'handle' ? ('handle' as const) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useRectifications({ desk, status, source, departmentId, overdue, page, pageSize });
  const columns = useMemo(() => rectificationColumns(t, phone), [t, phone]);
  const [opening, setOpening] = useState(false);
  const counts = list.data?.counts ?? {};

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
    <PageContainer
      title={t('rectification.title')}
      subtitle={t('rectification.subtitle')}
      extra={
        can('rectification.verify') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="rectification-open">
            {t('rectification.create')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(k) => patch({ status: k === 'all' ? undefined : k })}
          items={(['all', ...STATUSES] as const).map((k) => ({
            key: k,
            label: (
              <span data-testid={`rectification-tab-${k}`}>
                {t(`rectification.tabs.${k}`)}
                {counts[k] !== undefined && ` ${counts[k]}`}
              </span>
            ),
          }))}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          {desk && (
            <Tag color="red" closable onClose={() => patch({ desk: undefined })} data-testid="rectification-filter-desk">
              {t('rectification.deskHandle')}
            </Tag>
          )}
          <Checkbox
            checked={overdue === 'true'}
            onChange={(e) => patch({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="rectification-overdue"
          >
            {t('rectification.overdueOnly')}
            {counts.overdue ? `（${counts.overdue}）` : ''}
          </Checkbox>
          <Select<RectificationSource>
            allowClear
            placeholder={t('rectification.sourceFilter')}
            value={source}
            onChange={(v) => patch({ source: v })}
            options={SOURCES.map((s) => ({ value: s, label: t(`rectification.sources.${s}`) }))}
            style={{ width: 140 }}
            data-testid="rectification-source-filter"
          />
          <DepartmentTreeSelect
            placeholder={t('rectification.departmentFilter')}
            value={departmentId ?? null}
            onChange={(v) => patch({ departmentId: typeof v === 'string' ? v : undefined })}
            style={{ width: phone ? '100%' : 240 }}
            data-testid="rectification-department-filter"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('rectification.loadFailed')} style={{ marginBottom: 12 }} />}
        <Table<RectificationItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('rectification.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'rectification-row',
              'data-overdue': r.overdue,
              onDoubleClick: () => void navigate(`/rectifications/${r.id}`),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="rectification-table"
        />
      </Card>
      <OpenRectificationDrawer
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(id) => {
          setOpening(false);
          void navigate(`/rectifications/${id}`);
        }}
      />
    </PageContainer>
  );
}
