import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastError } from '../../app/feedback.ts';
import { useRevealContact } from './hooks.ts';

/**
 * The submitter's contact: masked as every list shows it (138****1234); in full only for the
 * handling clerk (abilities.revealContact), on an explicit click that says the view is recorded —
 * the server audits each one — and never kept beyond this page.
 */
export function DemandContactLine({ item }: { item: DemandDetail }) {
  const { t } = useTranslation();
  const reveal = useRevealContact(item.id);
  const full = reveal.data;
  if (full)
    return (
      <Flex vertical gap={2} data-testid="demand-contact-full">
        {full.name && <Typography.Text>{full.name}</Typography.Text>}
        {full.phone && <Typography.Text copyable>{full.phone}</Typography.Text>}
        {full.email && <Typography.Text copyable>{full.email}</Typography.Text>}
        {!full.name && !full.phone && !full.email && <Typography.Text type="secondary">{t('demands.contact.none')}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('demands.contact.recorded')}
        </Typography.Text>
      </Flex>
    );
  const masked = [item.submitterName, item.phone, item.email].filter(Boolean).join(' · ') || null;
  return (
    <Flex vertical gap={4} align="flex-start">
      <Typography.Text data-testid="demand-contact-masked">{masked ?? t('demands.contact.none')}</Typography.Text>
      {item.abilities.revealContact && masked && (
        <Popconfirm
          title={t('demands.contact.revealConfirm')}
          onConfirm={() => reveal.mutate(undefined, { onError: (err) => toastError(err.message) })}
          okText={t('demands.contact.reveal')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} data-testid="demand-contact-reveal">
            {t('demands.contact.reveal')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
