import { useState } from 'react';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Measure, Plan, Programme } from '@qinlian/contracts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { PlanChooser, planSpan } from '../../../domain/plan/PlanChooser.tsx';
import { useCurrentPlan, useRollup } from '../../../domain/plan/usePlan.ts';
import { MeasureDrawer } from './MeasureDrawer.tsx';
import { PlanDrawer } from './PlanDrawer.tsx';
import { ProgrammeDrawer } from './ProgrammeDrawer.tsx';
import { SortButtons } from './SortButtons.tsx';
import { reorderPatches, useUpdateMeasure, useUpdateProgramme } from './hooks.ts';

type Row = Programme & { measures: Measure[] };
const share = (weight: number, all: { weight: number }[]) => {
  const sum = all.reduce((s, x) => s + x.weight, 0);
  return sum ? `${Math.round((weight / sum) * 1000) / 10}%` : '—';
};

/** 计划编制: the plan's name and warning thresholds, its programmes and their measures — weights, order, leaders. */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { plan, plans, choose, isLoading } = useCurrentPlan();
  const rollup = useRollup(plan?.id);
  const moveProgramme = useUpdateProgramme(false);
  const moveMeasure = useUpdateMeasure(false);
  const [planDrawer, setPlanDrawer] = useState<{ plan: Plan | null } | null>(null);
  const [programmeDrawer, setProgrammeDrawer] = useState<{ programme: Programme | null } | null>(null);
  const [measureDrawer, setMeasureDrawer] = useState<{ programme: Row; measure: Measure | null } | null>(null);
  const [moving, setMoving] = useState(false);
  const programmes: Row[] = [...(rollup.data?.programmes ?? [])].sort((a, b) => a.sort - b.sort);
  const nextSort = (items: { sort: number }[]) => Math.min(1000, Math.max(0, ...items.map((i) => i.sort)) + 1);

  /** Saves the new numbering one item at a time (each with its version); a conflict stops and says so. */
  const move = async (
    patches: { id: string; sort: number; version: number }[],
    save: (patch: { id: string; sort: number; version: number }) => Promise<unknown>,
  ) => {
    setMoving(true);
    try {
      for (const p of patches) await save(p);
      void message.success(t('planEditor.reordered'));
    } catch {
      /* the mutation cache has shown the error; the list reloads either way */
    } finally {
      setMoving(false);
    }
  };

  /** What a programme's row and a measure's share: 上移 / 下移 among its siblings, code, name, weight and its share of the siblings'. */
  const entryColumns = <E extends Programme | Measure>(
    kind: 'programme' | 'measure',
    siblings: E[],
    save: (patch: { id: string; sort: number; version: number }) => Promise<unknown>,
  ): ColumnsType<E> => [
    {
      key: 'order',
      width: 80,
      render: (_: unknown, e, i) => (
        <SortButtons
          first={i === 0}
          last={i === siblings.length - 1}
          busy={moving}
          onMove={(step) => void move(reorderPatches(siblings, e.id, step), save)}
          testId={`${kind}-move-${e.code}`}
        />
      ),
    },
    { key: 'code', dataIndex: 'code', title: t('planEditor.code'), width: 100 },
    { key: 'name', dataIndex: 'name', title: t(kind === 'programme' ? 'planEditor.programmeName' : 'planEditor.measureName') },
    { key: 'weight', dataIndex: 'weight', title: t('planEditor.weight'), width: 80 },
    { key: 'share', title: t('planEditor.share'), width: 90, render: (_: unknown, e) => share(e.weight, siblings) },
  ];

  const measureColumns = (programme: Row): ColumnsType<Measure> => [
    ...entryColumns(
      'measure',
      [...programme.measures].sort((a, b) => a.sort - b.sort),
      moveMeasure.mutateAsync,
    ),
    { key: 'tasks', dataIndex: 'taskCount', title: t('planEditor.tasks'), width: 80 },
    {
      key: 'actions',
      width: 80,
      render: (_: unknown, m) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setMeasureDrawer({ programme, measure: m })}
          data-testid={`measure-edit-${m.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  const columns: ColumnsType<Row> = [
    ...entryColumns('programme', programmes, moveProgramme.mutateAsync),
    { key: 'leader', dataIndex: 'leaderName', title: t('planEditor.leader'), width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'measures', title: t('planEditor.measures'), width: 80, render: (_: unknown, p) => p.measures.length },
    {
      key: 'actions',
      width: 200,
      render: (_: unknown, p) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setProgrammeDrawer({ programme: p })} data-testid={`programme-edit-${p.code}`}>
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setMeasureDrawer({ programme: p, measure: null })}
            data-testid={`measure-create-${p.code}`}
          >
            {t('planEditor.createMeasure')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('planEditor.title')}
      subtitle={plan ? planSpan(plan) : t('planEditor.subtitle')}
      extra={
        <>
          <PlanChooser plan={plan} plans={plans} choose={choose} testId="plan-editor-select" />
          {plan && (
            <Link to="/plan/import">
              <Button icon={<UploadOutlined />}>{t('planImport.title')}</Button>
            </Link>
          )}
          <Button icon={<PlusOutlined />} onClick={() => setPlanDrawer({ plan: null })} data-testid="plan-create-button">
            {t('planEditor.createPlan')}
          </Button>
        </>
      }
    >
      {!isLoading && !plan && (
        <Card>
          <Empty description={t('plan.noPlan')} />
        </Card>
      )}
      {plan && (
        <Card
          title={t('planEditor.thresholds')}
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<EditOutlined />} onClick={() => setPlanDrawer({ plan })} data-testid="plan-edit-button">
              {t('planEditor.editPlan')}
            </Button>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} data-testid="plan-thresholds">
            {(Object.keys(plan.thresholds) as (keyof Plan['thresholds'])[]).map((k) => (
              <Descriptions.Item key={k} label={t(`planEditor.threshold.${k}`)}>
                {plan.thresholds[k]}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      {plan && (
        <Card
          title={t('planEditor.programmes')}
          extra={
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setProgrammeDrawer({ programme: null })}
              data-testid="programme-create-button"
            >
              {t('planEditor.createProgramme')}
            </Button>
          }
        >
          {!rollup.data ? (
            <Skeleton active />
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('planEditor.weightsIntro')}</Typography.Paragraph>
              <Table
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={programmes}
                pagination={false}
                scroll={{ x: 'max-content' }}
                expandable={{
                  expandedRowRender: (p) => (
                    <Table
                      rowKey="id"
                      size="small"
                      columns={measureColumns(p)}
                      dataSource={[...p.measures].sort((a, b) => a.sort - b.sort)}
                      pagination={false}
                      locale={{ emptyText: t('planEditor.noMeasures') }}
                    />
                  ),
                }}
                data-testid="programmes-table"
              />
            </>
          )}
        </Card>
      )}
      <PlanDrawer
        open={!!planDrawer}
        plan={planDrawer?.plan ?? null}
        onClose={() => setPlanDrawer(null)}
        onCreated={(p) => {
          choose(p.id);
          setPlanDrawer(null);
        }}
      />
      {plan && (
        <ProgrammeDrawer
          open={!!programmeDrawer}
          planId={plan.id}
          programme={programmeDrawer?.programme ?? null}
          nextSort={nextSort(programmes)}
          onClose={() => setProgrammeDrawer(null)}
        />
      )}
      <MeasureDrawer
        open={!!measureDrawer}
        programme={measureDrawer?.programme ?? null}
        measure={measureDrawer?.measure ?? null}
        nextSort={nextSort(measureDrawer?.programme.measures ?? [])}
        onClose={() => setMeasureDrawer(null)}
      />
    </PageContainer>
  );
}
