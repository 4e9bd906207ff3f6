import { useMemo, useState } from 'react';
import { CopyOutlined, DownloadOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Solicitation } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { downloadPoster, useSolicitations } from './hooks.ts';
import { SolicitationDialog } from './SolicitationDialog.tsx';

/** 征集中 / 未开始 / 已结束, by the server's `open` and the period. */
function PeriodState({ s, t }: { s: Solicitation; t: TFunction }) {
  if (s.open) return <Tag color="success">{t('solicitations.states.open')}</Tag>;
  return dayjs().format('YYYY-MM-DD') < s.opensOn ? (
    <Tag color="cyan">{t('solicitations.states.upcoming')}</Tag>
  ) : (
    <Tag>{t('solicitations.states.ended')}</Tag>
  );
}

const publicLink = (s: Solicitation) => `${window.location.origin}${s.publicPath}`;

async function copyLink(s: Solicitation, t: TFunction) {
  try {
    await navigator.clipboard.writeText(publicLink(s));
    toastSuccess(t('solicitations.linkCopied'));
  } catch {
    toastError(t('solicitations.copyFailed', { link: publicLink(s) }));
  }
}

function columns(t: TFunction, phone: boolean, edit: (s: Solicitation) => void): ColumnsType<Solicitation> {
  const actions = (s: Solicitation) => (
    <Flex gap={4} wrap={phone}>
      <Button size="small" icon={<EditOutlined />} onClick={() => edit(s)} data-testid="solicitation-edit">
        {t('common.edit')}
      </Button>
      <Tooltip title={publicLink(s)}>
        <Button size="small" icon={<CopyOutlined />} onClick={() => void copyLink(s, t)} data-testid="solicitation-copy-link">
          {t('solicitations.copyLink')}
        </Button>
      </Tooltip>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => void downloadPoster(s).catch((err: Error) => toastError(err.message))}
        data-testid="solicitation-poster"
      >
        {t('solicitations.poster')}
      </Button>
      <Button size="small" type="link" icon={<ExportOutlined />} href={s.publicPath} target="_blank" rel="noopener">
        {t('solicitations.openPublic')}
      </Button>
    </Flex>
  );
  return [
    {
      key: 'title',
      title: t('solicitations.fields.title'),
      render: (_, s) => (
        <div style={{ minWidth: phone ? 0 : 220 }} data-testid="solicitation-row-title">
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {s.title}
          </Typography.Text>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
              <PeriodState s={s} t={t} />
              <Typography.Text type="secondary">
                {s.opensOn} ~ {s.closesOn}
              </Typography.Text>
            </Flex>
          )}
          <div>
            {s.categories.map((c) => (
              <Tag key={c} bordered={false} style={{ marginTop: 4 }}>
                {c}
              </Tag>
            ))}
          </div>
          {phone && <div style={{ marginTop: 6 }}>{actions(s)}</div>}
        </div>
      ),
    },
    {
      key: 'period',
      title: t('solicitations.fields.period'),
      hidden: phone,
      width: 200,
      render: (_, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {s.opensOn} ~ {s.closesOn}
        </span>
      ),
    },
    { key: 'state', title: t('solicitations.fields.state'), hidden: phone, width: 90, render: (_, s) => <PeriodState s={s} t={t} /> },
    {
      key: 'submissions',
      title: t('solicitations.fields.submissions'),
      width: phone ? 70 : 100,
      align: 'right',
      render: (_, s) => <Link to={`/demands?box=all&solicitationId=${s.id}`}>{s.submissions}</Link>,
    },
    { key: 'actions', title: t('common.actions'), hidden: phone, width: 400, render: (_, s) => actions(s) },
  ];
}

/**
 * 征集活动: the campaigns that ask the public for next year's livelihood projects, each with its
 * period, categories and how many suggestions came; open one, change it, copy its public link or
 * print its QR poster.
 */
export function SolicitationsPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const list = useSolicitations();
  const [dialog, setDialog] = useState<{ editing: Solicitation | null } | null>(null);
  const cols = useMemo(() => columns(t, phone, (s) => setDialog({ editing: s })), [t, phone]);
  return (
    <PageContainer
      title={t('solicitations.title')}
      subtitle={t('solicitations.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ editing: null })} data-testid="solicitation-create">
          {t('solicitations.create')}
        </Button>
      }
    >
      <Card>
        {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<Solicitation>
          rowKey="id"
          size="middle"
          columns={cols}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('solicitations.empty') }}
          pagination={false}
          onRow={() => ({ 'data-testid': 'solicitation-row' }) as React.HTMLAttributes<HTMLElement>}
          data-testid="solicitation-table"
        />
      </Card>
      <SolicitationDialog open={dialog !== null} editing={dialog?.editing ?? null} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}
