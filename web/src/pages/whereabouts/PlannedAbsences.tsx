import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlannedAbsence, PlannedAbsenceStatus } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { serverPagination } from '../../components/serverPagination.ts';
import { shanghaiMonthDay, shanghaiTime } from '../../domain/whereabouts/returnText.ts';
import { AbsenceDrawer, type AbsenceCandidate } from './AbsenceDrawer.tsx';
import { useCancelAbsence, usePlannedAbsences } from './hooks.ts';

const STATUS_COLOR: Record<PlannedAbsenceStatus, string> = { scheduled: 'blue', active: 'orange', ended: 'default', cancelled: 'default' };
const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

type Props = { departmentId: string; candidates: AbsenceCandidate[]; myPersonId: string | null };

/** 请假、出差、培训登记 of the department: list with status, register, cancel. */
export function PlannedAbsences({ departmentId, candidates, myPersonId }: Props) {
  const { t, i18n } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [creating, setCreating] = useState(false);
  const list = usePlannedAbsences(departmentId, paging.page, paging.pageSize);
  const cancel = useCancelAbsence();
  const at = (instant: string) => `${shanghaiMonthDay(instant, i18n.language)} ${shanghaiTime(instant)}`;

  const onCancel = (id: string) =>
    cancel.mutate(id, { onSuccess: () => toastSuccess(t('whereabouts.absences.cancelled')), onError: (err) => toastError(err.message) });

  return (
    <Card
      size="small"
      title={t('whereabouts.absences.title')}
      extra={
        candidates.length > 0 && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="absence-new">
            {t('whereabouts.absences.new')}
          </Button>
        )
      }
      style={{ marginTop: 16 }}
      data-testid="absences"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('whereabouts.absences.hint')}
      </Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<PlannedAbsence>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('whereabouts.absences.empty') }}
        pagination={serverPagination(t, { ...paging, total: list.data?.total ?? 0 }, setPaging)}
        onRow={(r) => ({ 'data-testid': 'absence-row', 'data-absence-id': r.id, 'data-status': r.status }) as object}
        columns={[
          { key: 'person', title: t('whereabouts.absences.columns.person'), width: 110, render: (_, r) => r.personName },
          {
            key: 'kind',
            title: t('whereabouts.absences.columns.kind'),
            width: 100,
            render: (_, r) => t(`whereabouts.absences.kinds.${r.kind}`),
          },
          {
            key: 'period',
            title: t('whereabouts.absences.columns.period'),
            width: 230,
            render: (_, r) => `${at(r.startsAt)} – ${at(r.endsAt)}`,
          },
          { key: 'place', title: t('whereabouts.absences.columns.place'), render: (_, r) => <span style={text}>{r.place ?? '—'}</span> },
          {
            key: 'status',
            title: t('whereabouts.absences.columns.status'),
            width: 90,
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} data-testid="absence-status">
                {t(`whereabouts.absences.statuses.${r.status}`)}
              </Tag>
            ),
          },
          { key: 'by', title: t('whereabouts.absences.columns.by'), width: 100, render: (_, r) => r.createdByName },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.abilities.cancel && (
                <Popconfirm
                  title={t('whereabouts.absences.cancelConfirm')}
                  onConfirm={() => onCancel(r.id)}
                  okButtonProps={{ danger: true }}
                >
                  <Button
                    size="small"
                    danger
                    type="link"
                    loading={cancel.isPending && cancel.variables === r.id}
                    data-testid={`absence-cancel-${r.id}`}
                  >
                    {t('whereabouts.absences.cancel')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <AbsenceDrawer open={creating} onClose={() => setCreating(false)} candidates={candidates} myPersonId={myPersonId} />
    </Card>
  );
}
