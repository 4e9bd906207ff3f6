import { useMemo } from 'react';
import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Grid, Input, Segmented, Select, Table } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DemandChannel, DemandKind, DemandStatus, type DemandBox, type DemandSummary } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { demandColumns } from './columns.tsx';
import { useDemands, useSolicitationChoices } from './hooks.ts';

const STATUSES = DemandStatus.options;
const KINDS = DemandKind.options;
const CHANNELS = DemandChannel.options;

const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;

/**
 * 群众诉求: the boxes the user's permissions open — 待办 (the office's: to accept, to dispatch, sent
 * back), 本部门 (dispatched to mine), 全部 (all I may see) — by status, kind, channel, campaign,
 * words or tracking code, or only those past their time limit (超期). The view lives in the URL.
 */
export function DemandsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const phone = Grid.useBreakpoint().md === false;
  const boxes = (['inbox', 'department', 'all'] as const).filter((b) =>
    b === 'inbox' ? can('demands.dispatch') : b === 'department' ? can('demands.handle') : true,
  );
  const box: DemandBox = pick(boxes, params.get('box')) ?? boxes[0]!;
  const status = pick(STATUSES, params.get('status'));
  const kind = pick(KINDS, params.get('kind'));
  const channel = pick(CHANNELS, params.get('channel'));
  const solicitationId = params.get('solicitationId') ?? undefined;
  const q = params.get('q') ?? undefined;
  const overdue = params.get('overdue') === 'true' ? 'true' : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useDemands({ box, status, kind, channel, solicitationId, q, overdue, page, pageSize });
  const campaigns = useSolicitationChoices();
  const columns = useMemo(() => demandColumns(t, phone), [t, phone]);

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
      title={t('demands.title')}
      subtitle={t('demands.subtitle')}
      extra={
        can('demands.dispatch') && (
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => void navigate('/demands/new')} data-testid="demand-intake">
            {t('demands.intake.button')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented<DemandBox>
              value={box}
              onChange={(v) => patch({ box: v })}
              options={boxes.map((b) => ({ value: b, label: t(`demands.boxes.${b}`) }))}
              data-testid="demand-box"
            />
          </div>
          <Select<DemandStatus>
            allowClear
            placeholder={t('demands.fields.status')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`demands.statuses.${s}`) }))}
            style={{ width: 120 }}
            data-testid="demand-status-filter"
          />
          <Select<DemandKind>
            allowClear
            placeholder={t('demands.fields.kind')}
            value={kind}
            onChange={(v) => patch({ kind: v })}
            options={KINDS.map((k) => ({ value: k, label: t(`demands.kinds.${k}`) }))}
            style={{ width: 150 }}
            data-testid="demand-kind-filter"
          />
          <Select<DemandChannel>
            allowClear
            placeholder={t('demands.fields.channel')}
            value={channel}
            onChange={(v) => patch({ channel: v })}
            options={CHANNELS.map((c) => ({ value: c, label: t(`demands.channels.${c}`) }))}
            style={{ width: 120 }}
            data-testid="demand-channel-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('demands.fields.solicitation')}
            value={solicitationId}
            onChange={(v) => patch({ solicitationId: v })}
            options={(campaigns.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
            loading={campaigns.isLoading}
            style={{ width: phone ? '100%' : 200 }}
            popupMatchSelectWidth={false}
            data-testid="demand-solicitation-filter"
          />
          <Checkbox
            checked={overdue === 'true'}
            onChange={(e) => patch({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="demand-overdue-filter"
          >
            {t('demands.overdueOnly')}
          </Checkbox>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('demands.searchPlaceholder')}
            onSearch={(v) => patch({ q: v.trim() || undefined })}
            style={{ width: phone ? '100%' : 240 }}
            data-testid="demand-search"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<DemandSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('demands.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'demand-row',
              'data-status': r.status,
              onDoubleClick: () => void navigate(`/demands/${r.id}`),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="demand-table"
        />
      </Card>
    </PageContainer>
  );
}
