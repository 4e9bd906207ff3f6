import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnquiryDetail } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { formatInstant } from '../../components/time.ts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';
import { DeclineDialog } from './DeclineDialog.tsx';
import { EnquiryStatusTag } from './EnquiryStatusTag.tsx';
import { HandoverChain } from './HandoverChain.tsx';
import { HandOverDialog } from './HandOverDialog.tsx';
import { useClose, useDecide, useEnquiry, useTakeBack } from './hooks.ts';
import { ReplyDialog } from './ReplyDialog.tsx';

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** The buttons the server's abilities allow; confirmations for the steps that cannot be undone by oneself. */
function Actions({
  e,
  onHandOver,
  onReply,
  onDecline,
}: {
  e: EnquiryDetail;
  onHandOver: () => void;
  onReply: () => void;
  onDecline: (hid: string) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide();
  const close = useClose();
  const takeBack = useTakeBack();
  const pending = e.handovers.find((h) => h.status === 'pending');
  const done = (key: string) => ({
    onSuccess: () => toastSuccess(t(`enquiries.done.${key}`)),
    onError: (err: Error) => toastError(err.message),
  });
  const confirm = (key: 'accept' | 'cancel' | 'close' | 'takeBack', run: () => void, loading: boolean, primary = false) => (
    <Popconfirm title={t(`enquiries.confirm.${key}`)} onConfirm={run} okText={t('common.confirm')} cancelText={t('common.cancel')}>
      <Button type={primary ? 'primary' : 'default'} loading={loading} data-testid={`enquiry-${key}`}>
        {t(`enquiries.actions.${key}`)}
      </Button>
    </Popconfirm>
  );
  const a = e.abilities;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {a.accept &&
        pending &&
        confirm('accept', () => decide.mutate({ id: e.id, hid: pending.id, decision: 'accept' }, done('accept')), decide.isPending, true)}
      {a.decline && pending && (
        <Button danger onClick={() => onDecline(pending.id)} data-testid="enquiry-decline">
          {t('enquiries.actions.decline')}
        </Button>
      )}
      {a.reply && (
        <Button type="primary" onClick={onReply} data-testid="enquiry-reply">
          {t('enquiries.actions.reply')}
        </Button>
      )}
      {a.close && confirm('close', () => close.mutate({ id: e.id, version: e.version }, done('close')), close.isPending, true)}
      {a.handOver && (
        <Button onClick={onHandOver} data-testid="enquiry-handover">
          {t('enquiries.actions.handOver')}
        </Button>
      )}
      {a.cancel &&
        pending &&
        confirm('cancel', () => decide.mutate({ id: e.id, hid: pending.id, decision: 'cancel' }, done('cancel')), decide.isPending)}
      {a.takeBack && confirm('takeBack', () => takeBack.mutate({ id: e.id, version: e.version }, done('takeBack')), takeBack.isPending)}
    </Flex>
  );
}

function Facts({ e, phone }: { e: EnquiryDetail; phone: boolean }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`enquiries.fields.${k}`);
  return (
    <Descriptions
      column={phone ? 1 : 2}
      size="small"
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      data-testid="enquiry-facts"
      items={[
        { key: 'code', label: f('code'), children: <Typography.Text copyable>{e.code}</Typography.Text> },
        { key: 'channel', label: f('channel'), children: t(`enquiries.channels.${e.channel}`) },
        { key: 'enquirer', label: f('enquirerName'), children: e.enquirerName },
        { key: 'contact', label: f('enquirerContact'), children: e.enquirerContact ?? '—' },
        {
          key: 'owner',
          label: f('owner'),
          children: (
            <span data-testid="enquiry-owner">
              {e.ownerName}
              {e.actingForName && <Tag style={{ marginInlineStart: 6 }}>{t('enquiries.actingFor', { name: e.actingForName })}</Tag>}
            </span>
          ),
        },
        { key: 'department', label: f('department'), children: e.departmentName },
        {
          key: 'deadline',
          label: f('deadline'),
          children: e.timer ? (
            <DeadlineTag timer={e.timer} />
          ) : (
            <Typography.Text type="secondary">{t('enquiries.noDeadline')}</Typography.Text>
          ),
        },
        { key: 'createdAt', label: f('createdAt'), children: formatInstant(e.createdAt) },
      ]}
    />
  );
}

/** One enquiry: its facts, what the actor may do now, what was asked and answered, and the hand-over chain. */
export function EnquiryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const one = useEnquiry(id);
  const [handing, setHanding] = useState<EnquiryDetail | null>(null);
  const [replying, setReplying] = useState<EnquiryDetail | null>(null);
  const [declining, setDeclining] = useState<{ enquiry: EnquiryDetail; hid: string } | null>(null);
  const e = one.data;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={
        e ? (
          <Flex gap={8} align="center" wrap>
            <EnquiryStatusTag status={e.status} />
            <span style={{ overflowWrap: 'anywhere' }}>{e.subject}</span>
          </Flex>
        ) : (
          t('enquiries.title')
        )
      }
      data-testid="enquiry-drawer"
    >
      {one.isError && <Result status="404" subTitle={one.error.message} />}
      {!e && !one.isError && <Skeleton active />}
      {e && (
        <>
          <Actions
            e={e}
            onHandOver={() => setHanding(e)}
            onReply={() => setReplying(e)}
            onDecline={(hid) => setDeclining({ enquiry: e, hid })}
          />
          {e.pendingTo && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('enquiries.pendingTo', {
                name: e.pendingTo.actingPersonName ? `${e.pendingTo.name}（${e.pendingTo.actingPersonName}）` : e.pendingTo.name,
              })}
            />
          )}
          <Facts e={e} phone={phone} />
          {!e.contactShown && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('enquiries.maskedHint')}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5}>{t('enquiries.fields.body')}</Typography.Title>
          <Typography.Paragraph style={text} data-testid="enquiry-body-text">
            {e.body}
          </Typography.Paragraph>
          {e.reply !== null && (
            <>
              <Typography.Title level={5}>{t('enquiries.fields.reply')}</Typography.Title>
              <Typography.Paragraph style={text} data-testid="enquiry-reply-text-shown">
                {e.reply}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Title level={5}>{t('enquiries.chain.title')}</Typography.Title>
          <HandoverChain enquiry={e} />
        </>
      )}
      <HandOverDialog enquiry={handing} onClose={() => setHanding(null)} />
      <ReplyDialog enquiry={replying} onClose={() => setReplying(null)} />
      <DeclineDialog target={declining} onClose={() => setDeclining(null)} />
    </Drawer>
  );
}
