import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DemandClusterDetail } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { formatInstant } from '../../components/time.ts';
import { formatYuan } from '../../domain/livelihood/formatYuan.ts';
import { ClusterStatusTag } from './ClusterStatusTag.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';
import { useCluster, useMark } from './hooks.ts';
import { SelectProjectDialog } from './SelectProjectDialog.tsx';
import { WithdrawDialog } from './WithdrawDialog.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5 } as const;

/** 论证 and 项目: what was recorded, by whom and when. */
function Evaluation({ c }: { c: DemandClusterDetail }) {
  const { t, i18n } = useTranslation();
  const by = (key: string, name: string | null, at: string | null) =>
    name && at ? <Typography.Text type="secondary">{t(key, { name, at: formatInstant(at) })}</Typography.Text> : null;
  return (
    <>
      <Typography.Title level={5}>{t('demandAnalysis.drawer.evaluation')}</Typography.Title>
      {c.feasibility === null ? (
        <Typography.Paragraph type="secondary">{t('demandAnalysis.drawer.noEvaluation')}</Typography.Paragraph>
      ) : (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }} data-testid="cluster-evaluation">
          <Descriptions.Item label={t('demandAnalysis.drawer.cost')}>
            {formatYuan(c.estimatedCost ?? 0, t, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('demandAnalysis.drawer.feasibility')}>
            {t(`demandAnalysis.feasibilities.${c.feasibility}`)}
          </Descriptions.Item>
          {c.feasibilityNote && (
            <Descriptions.Item label={t('demandAnalysis.drawer.feasibilityNote')}>
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.feasibilityNote}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('demandAnalysis.drawer.department')}>{c.responsibleDepartmentName ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Flex vertical gap={2} style={{ marginBottom: 16, fontSize: 12 }}>
        {by('demandAnalysis.drawer.marked', c.markedByName, c.markedAt)}
        {by('demandAnalysis.drawer.evaluated', c.evaluatedByName, c.evaluatedAt)}
      </Flex>
      {c.taskId && (
        <>
          <Typography.Title level={5}>{t('demandAnalysis.drawer.project')}</Typography.Title>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }} data-testid="cluster-project">
            <Descriptions.Item label={t('demandAnalysis.select.name')}>{c.projectTitle}</Descriptions.Item>
            <Descriptions.Item label={t('publicProjects.years')}>
              {t('demandAnalysis.drawer.projectYear', { year: c.projectYear })}
            </Descriptions.Item>
            <Descriptions.Item label={t('demandAnalysis.drawer.taskLabel')}>
              <Link to={`/tasks/${c.taskId}`} data-testid="cluster-task-link">
                {t('demandAnalysis.drawer.task', { code: c.taskCode ?? '' })}
              </Link>
            </Descriptions.Item>
            {c.withdrawnReason && (
              <Descriptions.Item label={t('demandAnalysis.drawer.withdrawnReason')}>
                <span style={{ overflowWrap: 'anywhere' }}>{c.withdrawnReason}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Flex vertical gap={2} style={{ marginBottom: 16, fontSize: 12 }}>
            {by('demandAnalysis.drawer.selected', c.selectedByName, c.selectedAt)}
            {by('demandAnalysis.drawer.withdrawn', c.withdrawnByName, c.withdrawnAt)}
          </Flex>
        </>
      )}
    </>
  );
}

/** The items of the cluster: what each asks, where, how many people — never who. */
function Members({ c }: { c: DemandClusterDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t('demandAnalysis.drawer.members', { count: c.members.length, people: c.people })}</Typography.Title>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {c.members.map((m) => (
          <li key={m.id} data-testid="cluster-member" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', minWidth: 0 }}>
            <Flex gap={6} wrap align="center">
              <Typography.Text type="secondary" style={mono}>
                {m.code}
              </Typography.Text>
              <Tag variant="filled">{t(`demands.kinds.${m.kind}`)}</Tag>
              {m.category && <Tag variant="filled">{m.category}</Tag>}
              {m.area && <Tag variant="filled">{m.area}</Tag>}
              {m.urgent && <Tag color="magenta">{t('demandAnalysis.drawer.urgent')}</Tag>}
              {m.people > 1 && <Tag color="purple">{t('demandAnalysis.drawer.merged', { count: m.people })}</Tag>}
            </Flex>
            <Link to={`/demands/${m.id}`} style={{ overflowWrap: 'anywhere' }}>
              {m.title}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** 议题详情: the cluster, the leadership group's steps on it (each as the server allows), its evaluation, its project and its items. */
export function ClusterDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const cluster = useCluster(id);
  const mark = useMark();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'select' | 'withdraw' | null>(null);
  const c = cluster.data;
  const close = () => {
    setEditing(false);
    onClose();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={close}
      size={phone ? '100%' : 720}
      title={t('demandAnalysis.drawer.title')}
      destroyOnHidden
      data-testid="cluster-drawer"
    >
      {cluster.isError && <Alert type="error" showIcon title={cluster.error.message} />}
      {cluster.isLoading && <Skeleton active />}
      {c && (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
            <ClusterStatusTag status={c.status} />
            <Typography.Text strong data-testid="cluster-people">
              {t('demandAnalysis.peopleCount', { count: c.people })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('demandAnalysis.itemsCount', { count: c.items })}</Typography.Text>
            {c.urgent > 0 && (
              <Tag color="magenta">
                {t('demandAnalysis.drawer.urgent')} {c.urgent}
              </Tag>
            )}
          </Flex>
          <Typography.Title level={4} style={{ marginTop: 0, overflowWrap: 'anywhere' }} data-testid="cluster-label">
            {c.label || c.headline}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {c.headline}
          </Typography.Paragraph>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {c.abilities.mark && (
              <Popconfirm
                title={t('demandAnalysis.actions.markConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  mark.mutate(
                    { id: c.id, version: c.version },
                    { onSuccess: () => toastSuccess(t('demandAnalysis.done.mark')), onError: (e) => toastError(e.message) },
                  )
                }
              >
                <Button type="primary" loading={mark.isPending} data-testid="cluster-mark">
                  {t('demandAnalysis.actions.mark')}
                </Button>
              </Popconfirm>
            )}
            {c.abilities.evaluate && !editing && (
              <Button type={c.feasibility ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="cluster-evaluate">
                {t(c.feasibility ? 'demandAnalysis.actions.reevaluate' : 'demandAnalysis.actions.evaluate')}
              </Button>
            )}
            {c.abilities.select && (
              <Button type="primary" onClick={() => setDialog('select')} data-testid="cluster-select">
                {t('demandAnalysis.actions.select')}
              </Button>
            )}
            {c.abilities.withdraw && (
              <Button danger onClick={() => setDialog('withdraw')} data-testid="cluster-withdraw">
                {t('demandAnalysis.actions.withdraw')}
              </Button>
            )}
          </Flex>
          {c.status === 'evaluated' && c.abilities.evaluate && !c.abilities.select && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('demandAnalysis.drawer.selectIsOffice')} />
          )}
          {editing && c.abilities.evaluate ? (
            <div style={{ marginBottom: 24 }}>
              <EvaluationForm cluster={c} onDone={() => setEditing(false)} />
            </div>
          ) : (
            <Evaluation c={c} />
          )}
          <Members c={c} />
          <SelectProjectDialog cluster={c} open={dialog === 'select'} onClose={() => setDialog(null)} />
          <WithdrawDialog cluster={c} open={dialog === 'withdraw'} onClose={() => setDialog(null)} />
        </>
      )}
    </Drawer>
  );
}
