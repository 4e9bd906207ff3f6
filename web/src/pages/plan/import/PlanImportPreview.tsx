import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@qinlian/contracts';

type RowError = ImportReport['errors'][number];
type PreviewRow = { row: number; programme: string; measure: string; code: string; title: string; errors: RowError[] };

/** Every row the server read, each with its problems or 通过; rows the report does not describe are made from its errors alone. */
function previewRows(report: ImportReport): PreviewRow[] {
  const errorsOf = new Map<number, RowError[]>();
  for (const e of report.errors) errorsOf.set(e.row, [...(errorsOf.get(e.row) ?? []), e]);
  const read = report.planRows ?? [];
  const known = new Set(read.map((r) => r.row));
  const described = read.map((r) => ({ ...r, errors: errorsOf.get(r.row) ?? [] }));
  const onlyErrors = [...errorsOf.entries()]
    .filter(([row]) => !known.has(row))
    .map(([row, errors]) => ({ row, programme: '', measure: '', code: '', title: '', errors }));
  return [...described, ...onlyErrors].sort((a, b) => a.row - b.row);
}

/** 预检结果: a summary, then the sheet row by row — what each row holds and whether it passed. */
export function PlanImportPreview({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const rows = previewRows(report);
  const failing = rows.filter((r) => r.errors.length).length;

  return (
    <>
      {report.errors.length === 0 ? (
        <Alert type="success" showIcon title={t('planImport.okAll', { total: report.total, created: report.created })} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('planImport.hasErrors', { rows: failing, count: report.errors.length })}
          description={t('planImport.nothingWritten')}
        />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('planImport.row'), width: 70 },
          { key: 'programme', dataIndex: 'programme', title: t('planImport.programme'), width: 90 },
          { key: 'measure', dataIndex: 'measure', title: t('planImport.measure'), width: 90 },
          { key: 'code', dataIndex: 'code', title: t('planImport.code'), width: 110, render: (v: string) => v || '—' },
          {
            key: 'title',
            dataIndex: 'title',
            title: t('planImport.taskTitle'),
            width: 260,
            render: (v: string) => v || <Typography.Text type="secondary">{t('planImport.structureRow')}</Typography.Text>,
          },
          {
            key: 'result',
            title: t('planImport.result'),
            render: (_: unknown, r: PreviewRow) =>
              r.errors.length === 0 ? (
                <Tag color="success">{t('planImport.ok')}</Tag>
              ) : (
                <Space direction="vertical" size={2}>
                  {r.errors.map((e) => (
                    <Typography.Text key={`${e.field}-${e.message}`} type="danger">
                      <Typography.Text code>{e.field}</Typography.Text> {e.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
        ]}
        data-testid="plan-import-preview"
      />
    </>
  );
}
