import { useState } from 'react';
import { EditOutlined, EllipsisOutlined, ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Tooltip, type ButtonProps, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Badge, BadgePrintQuery } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { printBadge, useReissue, useRevoke } from './hooks.ts';

const PRINTS: { key: string; query: BadgePrintQuery }[] = [
  { key: 'printBadge', query: { format: 'pdf', layout: 'badge' } },
  { key: 'printDeskCard', query: { format: 'pdf', layout: 'desk-card' } },
  { key: 'qr', query: { format: 'png', layout: 'badge' } },
];

/** What may be done with one badge — only what the server's abilities allow; the two that change the code are confirmed. */
export function BadgeActions({ badge, onEditDuties }: { badge: Badge; onEditDuties: (b: Badge) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const reissue = useReissue();
  const revoke = useRevoke();
  const [printing, setPrinting] = useState(false);
  const a = badge.abilities;
  const live = badge.publicPath !== null && !badge.revoked;

  const print = (query: BadgePrintQuery) => {
    setPrinting(true);
    printBadge(badge, query)
      .catch((err: Error) => toastError(err.message))
      .finally(() => setPrinting(false));
  };
  const confirm = (kind: 'reissue' | 'revoke') =>
    modal.confirm({
      title: t(`badges.actions.${kind}`),
      content: t(`badges.confirm.${kind}`),
      okText: t(`badges.actions.${kind}`),
      okButtonProps: { danger: kind === 'revoke', 'data-testid': `badge-${kind}-confirm` } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        (kind === 'reissue' ? reissue : revoke)
          .mutateAsync({ personId: badge.personId })
          .then(() => toastSuccess(t(`badges.done.${kind}`)))
          .catch((err: Error) => toastError(err.message)),
    });

  const more: MenuProps['items'] = [
    ...(a.reissue ? [{ key: 'reissue', label: t('badges.actions.reissue'), onClick: () => confirm('reissue') }] : []),
    ...(a.revoke ? [{ key: 'revoke', danger: true, label: t('badges.actions.revoke'), onClick: () => confirm('revoke') }] : []),
  ];

  return (
    <Flex gap={4} wrap justify="flex-end" data-testid="badge-actions">
      {a.edit && (
        <Tooltip title={t('badges.actions.editDuties')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('badges.actions.editDuties')}
            onClick={() => onEditDuties(badge)}
            data-testid="badge-edit"
          />
        </Tooltip>
      )}
      {a.print && (
        <Dropdown
          trigger={['click']}
          menu={{ items: PRINTS.map((p) => ({ key: p.key, label: t(`badges.actions.${p.key}`), onClick: () => print(p.query) })) }}
        >
          <Button size="small" type="text" icon={<PrinterOutlined />} loading={printing} data-testid="badge-print">
            {t('badges.actions.print')}
          </Button>
        </Dropdown>
      )}
      {live && (
        <Tooltip title={t('badges.actions.publicPage')}>
          <Button
            size="small"
            type="text"
            icon={<ExportOutlined />}
            href={badge.publicPath!}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('badges.actions.publicPage')}
            data-testid="badge-public-link"
          />
        </Tooltip>
      )}
      {more.length > 0 && (
        <Dropdown trigger={['click']} menu={{ items: more }}>
          <Button
            size="small"
            type="text"
            icon={<EllipsisOutlined />}
            aria-label={t('badges.actions.more')}
            loading={reissue.isPending || revoke.isPending}
            data-testid="badge-more"
          />
        </Dropdown>
      )}
    </Flex>
  );
}
