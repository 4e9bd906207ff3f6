import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExperienceStatus, type Experience } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { ExperienceDrawer } from './ExperienceDrawer.tsx';
import { experienceColumns } from './experienceColumns.tsx';
import { periodLabel, recentHalves } from './periodLabel.ts';
import { useExperiences, useSelectExperience } from './hooks.ts';

const STATUSES = ExperienceStatus.options;

/**
 * 半年一总结 · 典型经验: departments submit theirs; the office reads, edits and selects them for the half
 * year's collection (compiled and published under 汇编与发布).
 */
export function ExperiencesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState<{ experience: Experience | null } | null>(null);
  const halves = useMemo(() => recentHalves(), []);
  const period = /^\d{4}-H[12]$/.test(params.get('period') ?? '') ? params.get('period')! : undefined;
  const status = STATUSES.includes(params.get('status') as ExperienceStatus) ? (params.get('status') as ExperienceStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useExperiences({ period, status, page, pageSize });
  const select = useSelectExperience();

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
  const columns = useMemo(
    () =>
      experienceColumns(t, phone, {
        open: (e) => setDrawer({ experience: e }),
        selecting: select.isPending ? (select.variables?.id ?? null) : null,
        select: (e, selected) =>
          select.mutate(
            { id: e.id, version: e.version, selected },
            {
              onSuccess: () => toastSuccess(t(selected ? 'summaries.experiences.selected' : 'summaries.experiences.deselected')),
              onError: (err) => toastError(err.message),
            },
          ),
      }),
    [t, phone, select],
  );

  return (
    <PageContainer
      title={t('summaries.experiences.title')}
      subtitle={t('summaries.experiences.subtitle')}
      extra={
        can('summaries.submit') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ experience: null })} data-testid="experience-new">
            {t('summaries.experiences.submit')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<string>
            allowClear
            placeholder={t('summaries.experiences.period')}
            value={period}
            onChange={(v) => patch({ period: v })}
            options={halves.map((h) => ({ value: h, label: periodLabel(t, h) }))}
            style={{ width: 160 }}
            data-testid="experience-period-filter"
          />
          <Select<ExperienceStatus>
            allowClear
            placeholder={t('summaries.monthly.status')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`summaries.experiences.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="experience-status-filter"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('summaries.loadFailed')} style={{ marginBottom: 12 }} />}
        <Table<Experience>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('summaries.experiences.empty') }}
          pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="experience-table"
        />
      </Card>
      <ExperienceDrawer open={!!drawer} experience={drawer?.experience ?? null} onClose={() => setDrawer(null)} />
    </PageContainer>
  );
}
