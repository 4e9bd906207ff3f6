import { useState } from 'react';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Result, Select, Steps, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useCurrentPlan } from '../../../domain/plan/usePlan.ts';
import { exportPlan } from '../hooks.ts';
import { PlanImportPreview } from './PlanImportPreview.tsx';
import { usePlanImport } from './usePlanImport.ts';

/** 计划导入: choose the workbook → check every row (nothing written) → confirm to write them all, as drafts. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { plan, plans, choose } = useCurrentPlan();
  const run = usePlanImport();
  const can = useCan();
  const [file, setFile] = useState<File | null>(null);
  // 补录: rows may be due before today or outside the plan's period; only for holders of tasks.backfill
  const [backfill, setBackfill] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const step = report?.committed ? 2 : report ? 1 : 0;

  const restart = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
    run.reset();
  };
  const go = (dryRun: boolean) => {
    if (!file || !plan) return;
    setFailure(null);
    run.mutate(
      { planId: plan.id, file, dryRun, backfill: backfill && can('tasks.backfill') },
      { onSuccess: setReport, onError: (err) => setFailure(err.message) },
    );
  };

  return (
    <PageContainer
      title={t('planImport.title')}
      subtitle={plan ? t('planImport.into', { name: plan.name }) : t('planImport.subtitle')}
      extra={
        plans.length > 1 && (
          <Select
            value={plan?.id}
            disabled={step > 0}
            onChange={choose}
            options={plans.map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 260 }}
            data-testid="plan-import-select"
          />
        )
      }
    >
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 20 }}
          items={[{ title: t('importer.step1') }, { title: t('importer.step2') }, { title: t('importer.step3') }]}
        />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="plan-import-failure" />}
        {step === 0 && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('planImport.howTo')} />
            {plan && (
              <Button
                icon={<DownloadOutlined />}
                type="link"
                style={{ paddingInline: 0, marginBottom: 8 }}
                onClick={() => void exportPlan(plan.id).catch((e: Error) => message.error(e.message))}
              >
                {t('planImport.template')}
              </Button>
            )}
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              data-testid="plan-import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('importer.drop')}</p>
              <p className="ant-upload-hint">{t('importer.dropHint')}</p>
            </Upload.Dragger>
            <Flex justify={can('tasks.backfill') ? 'space-between' : 'flex-end'} align="center" style={{ marginTop: 16 }}>
              {can('tasks.backfill') && (
                <Checkbox checked={backfill} onChange={(e) => setBackfill(e.target.checked)} data-testid="plan-import-backfill">
                  {t('planImport.backfill')}
                </Checkbox>
              )}
              <Button
                type="primary"
                disabled={!file || !plan}
                loading={run.isPending}
                onClick={() => go(true)}
                data-testid="plan-import-check"
              >
                {run.isPending ? t('importer.checking') : t('importer.preview')}
              </Button>
            </Flex>
          </>
        )}
        {step === 1 && report && (
          <>
            <PlanImportPreview report={report} />
            <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
              <Button onClick={restart}>{t('importer.again')}</Button>
              <Button
                type="primary"
                disabled={report.errors.length > 0}
                loading={run.isPending}
                onClick={() => go(false)}
                data-testid="plan-import-confirm"
              >
                {t('planImport.confirm', { count: report.created })}
              </Button>
            </Flex>
          </>
        )}
        {step === 2 && report && (
          <Result
            status="success"
            title={t('planImport.done', { created: report.created })}
            subTitle={t('planImport.doneHint')}
            extra={[
              <Link key="tasks" to="/tasks?status=draft">
                <Button type="primary">{t('planImport.toDrafts')}</Button>
              </Link>,
              <Button key="again" onClick={restart}>
                {t('planImport.another')}
              </Button>,
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
