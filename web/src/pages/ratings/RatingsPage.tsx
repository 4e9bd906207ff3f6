import { useMemo } from 'react';
import { BarChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Grid, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RatingAppealState, RatingSource, type Rating } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { ratingColumns } from './columns.tsx';
import { useRatings } from './hooks.ts';
import { RatingDrawer } from './RatingDrawer.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCORES = [1, 2, 3, 4, 5] as const;
const oneOf = <T extends string>(options: readonly T[], v: string | null) => (options.includes(v as T) ? (v as T) : undefined);

/** 好差评: the ratings of my scope with their filters, the open one in a drawer — all in the URL, so a view can be linked to. */
export function RatingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) || undefined;
  const score = SCORES.find((s) => String(s) === params.get('score'));
  const filter = {
    departmentId: get('departmentId'),
    source: oneOf(RatingSource.options, params.get('source')),
    score,
    bad: params.get('bad') === 'true' ? ('true' as const) : undefined,
    appealState: oneOf(RatingAppealState.options, params.get('appealState')),
    from: DATE.test(params.get('from') ?? '') ? get('from') : undefined,
    to: DATE.test(params.get('to') ?? '') ? get('to') : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
  const openId = get('id') ?? null;
  const list = useRatings(filter);

  const patch = (next: Record<string, string | number | undefined>) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') out.delete(k);
          else out.set(k, String(v));
        }
        if (!('page' in next) && !('id' in next)) out.delete('page');
        return out;
      },
      { replace: true },
    );
  const columns = useMemo(() => ratingColumns(t, phone, (id) => patch({ id })), [t, phone]);

  return (
    <PageContainer
      title={t('ratings.list.title')}
      subtitle={t('ratings.list.subtitle')}
      extra={
        <Button icon={<BarChartOutlined />} onClick={() => void navigate('/ratings/stats')} data-testid="ratings-to-stats">
          {t('ratings.list.stats')}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          {can('org.read') && (
            <DepartmentTreeSelect
              placeholder={t('ratings.list.department')}
              value={filter.departmentId ?? null}
              onChange={(v) => patch({ departmentId: typeof v === 'string' ? v : undefined })}
              style={{ width: phone ? '100%' : 220 }}
              data-testid="ratings-department"
            />
          )}
          <Select<number>
            allowClear
            placeholder={t('ratings.list.score')}
            value={filter.score}
            onChange={(v) => patch({ score: v })}
            options={SCORES.map((s) => ({ value: s, label: `${s} ${t(`ratings.levels.${s}`)}` }))}
            style={{ width: 150 }}
            data-testid="ratings-score"
          />
          <Select<RatingSource>
            allowClear
            placeholder={t('ratings.list.source')}
            value={filter.source}
            onChange={(v) => patch({ source: v })}
            options={RatingSource.options.map((s) => ({ value: s, label: t(`ratings.sources.${s}`) }))}
            style={{ width: 120 }}
            data-testid="ratings-source"
          />
          <Select<RatingAppealState>
            allowClear
            placeholder={t('ratings.list.appealState')}
            value={filter.appealState}
            onChange={(v) => patch({ appealState: v })}
            options={RatingAppealState.options.map((s) => ({ value: s, label: t(`ratings.appealStates.${s}`) }))}
            style={{ width: 130 }}
            data-testid="ratings-appeal-state"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            placeholder={[t('ratings.list.rangeFrom'), t('ratings.list.rangeTo')]}
            onChange={(range) => patch({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            style={{ maxWidth: '100%' }}
            data-testid="ratings-range"
          />
          <Checkbox
            checked={!!filter.bad}
            onChange={(e) => patch({ bad: e.target.checked ? 'true' : undefined })}
            data-testid="ratings-bad"
          >
            {t('ratings.list.badOnly')}
          </Checkbox>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ratings.list.masked')}
        </Typography.Paragraph>
        {list.isError && (
          <Alert type="error" showIcon title={t('ratings.list.loadFailed')} description={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<Rating>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('ratings.list.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'rating-row',
              'data-bad': r.bad,
              style: { cursor: 'pointer' },
              onClick: () => patch({ id: r.id }),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={serverPagination(t, { page: filter.page, pageSize: filter.pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="ratings-table"
        />
      </Card>
      <RatingDrawer id={openId} onClose={() => patch({ id: undefined })} />
    </PageContainer>
  );
}
