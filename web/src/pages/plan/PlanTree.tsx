import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rollup, WarningColor } from '@qinlian/contracts';
import { CATEGORICAL } from '../../app/theme.ts';
import { ColourCounts } from '../../domain/tasks/ColourCounts.tsx';

type Row = {
  key: string;
  kind: 'programme' | 'measure';
  id: string;
  code: string;
  name: string;
  weight: number;
  progress: number;
  taskCount: number;
  closedLate: number;
  colours: Partial<Record<WarningColor, number>>;
  children?: Row[];
};

/** 工程 → 举措 with weighted progress and colour counts; each row opens its tasks. */
export function PlanTree({ rollup }: { rollup: Rollup }) {
  const { t } = useTranslation();
  const rows: Row[] = rollup.programmes.map((p) => ({
    key: p.id,
    kind: 'programme',
    id: p.id,
    code: p.code,
    name: p.name,
    weight: p.weight,
    progress: p.progress,
    taskCount: p.taskCount,
    closedLate: p.closedLate,
    colours: p.colours,
    children: p.measures.map((m) => ({
      key: m.id,
      kind: 'measure',
      id: m.id,
      code: m.code,
      name: m.name,
      weight: m.weight,
      progress: m.progress,
      taskCount: m.taskCount,
      closedLate: m.closedLate,
      colours: m.colours,
    })),
  }));
  const link = (r: Row) => (r.kind === 'programme' ? `/tasks?tab=programme&programmeId=${r.id}` : `/tasks?measureId=${r.id}`);
  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('plan.name'),
      render: (_: unknown, r) => (
        <span data-testid={`plan-row-${r.kind}`}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8, fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
            {r.code}
          </Typography.Text>
          <Typography.Text strong={r.kind === 'programme'}>{r.name}</Typography.Text>
        </span>
      ),
    },
    { key: 'weight', dataIndex: 'weight', title: t('task.fields.weight'), width: 70, align: 'center' },
    { key: 'tasks', dataIndex: 'taskCount', title: t('plan.tasks'), width: 80, align: 'center' },
    { key: 'closedLate', dataIndex: 'closedLate', title: t('plan.closedLate'), width: 90, align: 'center' },
    {
      key: 'progress',
      title: t('plan.weightedProgress'),
      width: 220,
      render: (_: unknown, r) => (
        <Progress percent={r.progress} size="small" strokeColor={r.kind === 'programme' ? CATEGORICAL[0] : CATEGORICAL[6]} />
      ),
    },
    { key: 'colours', title: t('plan.colours'), width: 220, render: (_: unknown, r) => <ColourCounts colours={r.colours} /> },
    { key: 'open', title: t('common.actions'), width: 100, render: (_: unknown, r) => <Link to={link(r)}>{t('plan.viewTasks')}</Link> },
  ];
  return (
    <Table<Row>
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{ defaultExpandAllRows: true, indentSize: 20 }}
      scroll={{ x: 900 }}
      data-testid="plan-tree"
    />
  );
}
