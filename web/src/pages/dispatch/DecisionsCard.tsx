import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Modal, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DispatchDecision, DispatchSheet } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { StatusTag } from '../../domain/tasks/StatusTag.tsx';
import { WarningTag } from '../../domain/tasks/WarningTag.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { MeasurePicker } from './MeasurePicker.tsx';
import { useMakeTask, useRemoveDecision } from './hooks.ts';

/** 议定事项: who does what by when, and the supervised task each became (its status as it stands now). */
export function DecisionsCard({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [askMeasureFor, setAskMeasureFor] = useState<DispatchDecision | null>(null);
  const make = useMakeTask();
  const remove = useRemoveDecision();
  const itemTitles = new Map(sheet.groups.flatMap((g) => g.items.map((i) => [i.id, i.title] as const)));

  const makeTask = (d: DispatchDecision, measureId?: string) =>
    make.mutate(
      { id: sheet.id, decisionId: d.id, version: sheet.version, measureId: measureId ?? null },
      {
        onSuccess: () => {
          toastSuccess(t('dispatch.decisions.taskMade'));
          setAskMeasureFor(null);
        },
        onError: (err) => toastError(err.message),
      },
    );

  return (
    <Card
      title={t('dispatch.decisions.title')}
      extra={
        sheet.abilities.decide && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="dispatch-decision-add">
            {t('dispatch.decisions.add')}
          </Button>
        )
      }
      data-testid="dispatch-decisions"
    >
      {!sheet.meeting && <Typography.Text type="secondary">{t('dispatch.decisions.decideFirst')}</Typography.Text>}
      {sheet.meeting && sheet.decisions.length === 0 && <Empty description={t('dispatch.decisions.empty')} />}
      {sheet.decisions.map((d) => (
        <div key={d.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="dispatch-decision">
          <Flex justify="space-between" gap={8} wrap align="flex-start">
            <div style={{ minWidth: 0, flex: '1 1 260px' }}>
              <Typography.Text strong>{t('dispatch.decisions.number', { n: d.number })}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  `${t('dispatch.decisions.owner')}：${d.ownerDepartmentName}${d.ownerName ? ` · ${d.ownerName}` : ''}`,
                  `${t('dispatch.decisions.dueDate')}：${d.dueDate}`,
                  d.itemId && itemTitles.get(d.itemId),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </div>
            <Flex gap={6} wrap align="center">
              {d.task ? (
                <>
                  <Link to={`/tasks/${d.task.id}`} data-testid="dispatch-decision-task">
                    {d.task.code}
                  </Link>
                  <StatusTag status={d.task.status} />
                  {d.task.warning !== 'none' && <WarningTag warning={d.task.warning} />}
                </>
              ) : (
                <>
                  <Tag style={{ marginInlineEnd: 0 }}>{t('dispatch.decisions.notYet')}</Tag>
                  {sheet.abilities.makeTask && (
                    <Button
                      size="small"
                      type="primary"
                      icon={<SendOutlined />}
                      loading={make.isPending && make.variables?.decisionId === d.id}
                      disabled={make.isPending}
                      onClick={() => (d.measureId ? makeTask(d) : setAskMeasureFor(d))}
                      data-testid="dispatch-make-task"
                    >
                      {t('dispatch.decisions.makeTask')}
                    </Button>
                  )}
                  {sheet.abilities.decide && (
                    <Popconfirm
                      title={t('dispatch.decisions.removeConfirm')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutate(
                          { id: sheet.id, decisionId: d.id, version: sheet.version },
                          { onSuccess: () => toastSuccess(t('dispatch.decisions.removed')), onError: (err) => toastError(err.message) },
                        )
                      }
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('dispatch.decisions.remove')} />
                    </Popconfirm>
                  )}
                </>
              )}
            </Flex>
          </Flex>
        </div>
      ))}
      <DecisionDialog sheet={sheet} open={adding} onClose={() => setAdding(false)} />
      <MeasureDialog
        planId={sheet.planId}
        open={!!askMeasureFor}
        saving={make.isPending}
        onClose={() => setAskMeasureFor(null)}
        onChoose={(measureId) => askMeasureFor && makeTask(askMeasureFor, measureId)}
      />
    </Card>
  );
}

type MeasureProps = { planId: string; open: boolean; saving: boolean; onClose: () => void; onChoose: (measureId: string) => void };

/** A decision about no existing task: which measure (举措) its task goes under. */
function MeasureDialog({ planId, open, saving, onClose, onChoose }: MeasureProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ measureId?: string | null }>();
  return (
    <Modal
      open={open}
      title={t('dispatch.decisions.chooseMeasure')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dispatch.decisions.makeTask')}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onChoose(v.measureId!)}>
        <Form.Item
          name="measureId"
          label={t('dispatch.decisions.measure')}
          rules={[{ required: true, message: t('dispatch.decisions.required.measure') }]}
        >
          <MeasurePicker planId={planId} data-testid="dispatch-task-measure" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
