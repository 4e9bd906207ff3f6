import { useState } from 'react';
import {
  EyeOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SendOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { formatInstant } from '../../components/time.ts';
import { BulletinStatusTag } from './BulletinStatusTag.tsx';
import { PreviewDrawer } from './PreviewDrawer.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { downloadBulletin, useRecompute, useReturnToDraft, useSubmit } from './hooks.ts';

type Kind = 'document.docx' | 'tables.xlsx';

/** The bulletin's title, quarter, number and state; its steps (recompute, submit, return, publish); preview and downloads. */
export function BulletinHeader({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [fetching, setFetching] = useState<Kind | null>(null);
  const recompute = useRecompute();
  const submit = useSubmit();
  const back = useReturnToDraft();
  const b = bulletin;
  const run = (m: typeof submit, done: string) =>
    m.mutate({ id: b.id, version: b.version }, { onSuccess: () => toastSuccess(t(done)), onError: (err) => toastError(err.message) });
  // a large bulletin takes a moment to render: the button spins until the file arrives
  const fetchFile = (kind: Kind) => {
    setFetching(kind);
    downloadBulletin(b.id, kind)
      .catch((err: Error) => toastError(err.message))
      .finally(() => setFetching(null));
  };

  return (
    <Card>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <BulletinStatusTag status={b.status} />
            <Typography.Text type="secondary">
              {t('bulletins.quarterOf', { year: b.year, quarter: b.quarter })} ·{' '}
              {t('bulletins.span', { start: b.periodStart, end: b.periodEnd })}
            </Typography.Text>
            {b.number && (
              <Typography.Text strong data-testid="bulletin-number">
                {b.number}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 4px', overflowWrap: 'anywhere' }} data-testid="bulletin-title">
            {b.title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.planName} · {t('bulletins.draftedBy', { name: b.draftedByName, at: formatInstant(b.draftedAt) })} ·{' '}
            {t('bulletins.computedAt', { at: formatInstant(b.computedAt) })}
            {b.publishedAt && <> · {t('bulletins.publishedBy', { name: b.publishedByName ?? '', at: formatInstant(b.publishedAt) })}</>}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap>
          {b.abilities.recompute && (
            <Popconfirm
              title={t('bulletins.actions.recompute')}
              description={<div style={{ maxWidth: 280 }}>{t('bulletins.actions.recomputeConfirm')}</div>}
              onConfirm={() => run(recompute, 'bulletins.actions.recomputed')}
            >
              <Button icon={<ReloadOutlined />} loading={recompute.isPending} data-testid="bulletin-recompute">
                {t('bulletins.actions.recompute')}
              </Button>
            </Popconfirm>
          )}
          {b.abilities.submit && (
            <Popconfirm
              title={t('bulletins.actions.submit')}
              description={<div style={{ maxWidth: 280 }}>{t('bulletins.actions.submitConfirm')}</div>}
              onConfirm={() => run(submit, 'bulletins.actions.submitted')}
            >
              <Button icon={<SendOutlined />} loading={submit.isPending} data-testid="bulletin-submit">
                {t('bulletins.actions.submit')}
              </Button>
            </Popconfirm>
          )}
          {b.abilities.returnToDraft && (
            <Button
              icon={<RollbackOutlined />}
              loading={back.isPending}
              onClick={() => run(back, 'bulletins.actions.returned')}
              data-testid="bulletin-return"
            >
              {t('bulletins.actions.return')}
            </Button>
          )}
          {b.abilities.publish && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setPublishing(true)} data-testid="bulletin-publish">
              {t('bulletins.actions.publish')}
            </Button>
          )}
          <Button icon={<EyeOutlined />} onClick={() => setPreviewing(true)} data-testid="bulletin-preview-open">
            {t('bulletins.actions.preview')}
          </Button>
          <Button
            icon={<FileWordOutlined />}
            loading={fetching === 'document.docx'}
            onClick={() => fetchFile('document.docx')}
            data-testid="bulletin-docx"
          >
            {t('bulletins.actions.docx')}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={fetching === 'tables.xlsx'}
            onClick={() => fetchFile('tables.xlsx')}
            data-testid="bulletin-xlsx"
          >
            {t('bulletins.actions.xlsx')}
          </Button>
        </Flex>
      </Flex>
      <PreviewDrawer bulletin={b} open={previewing} onClose={() => setPreviewing(false)} onDownload={() => fetchFile('document.docx')} />
      <PublishDialog bulletin={b} open={publishing} onClose={() => setPublishing(false)} />
    </Card>
  );
}
