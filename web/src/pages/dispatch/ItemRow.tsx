import { useEffect, useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DispatchItem } from '@qinlian/contracts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { WarningTag } from '../../domain/tasks/WarningTag.tsx';

const SOURCE_COLOUR = { task: 'blue', instruction: 'purple', project: 'orange', manual: 'default' } as const;

type Props = {
  item: DispatchItem;
  editing: boolean;
  busy: boolean;
  first: boolean;
  last: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onChange: (patch: { note?: string; leaderPersonId?: string | null }) => void;
};

/** One item of the sheet: where it came from, its colour, dates and department, the office's note; controls while editing. */
export function ItemRow({ item, editing, busy, first, last, onMove, onRemove, onChange }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note);
  useEffect(() => setNote(item.note), [item.note]);
  const facts = [
    item.departmentName,
    item.dueDate && t(item.source === 'instruction' ? 'dispatch.items.feedbackDue' : 'dispatch.items.due', { date: item.dueDate }),
    item.progress !== null && t('dispatch.items.progress', { n: item.progress }),
  ].filter(Boolean);
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="dispatch-item" data-source={item.source}>
      <Flex gap={6} wrap align="center">
        <Tag color={SOURCE_COLOUR[item.source]} style={{ marginInlineEnd: 0 }}>
          {t(`dispatch.sources.${item.source}`)}
        </Tag>
        {item.warning && item.warning !== 'none' && <WarningTag warning={item.warning} />}
        {item.taskId ? (
          <Link to={`/tasks/${item.taskId}`} style={{ wordBreak: 'break-word' }} title={t('dispatch.items.openTask')}>
            {item.title}
          </Link>
        ) : (
          <Typography.Text style={{ wordBreak: 'break-word' }}>{item.title}</Typography.Text>
        )}
      </Flex>
      {facts.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {facts.join(' · ')}
        </Typography.Text>
      )}
      {item.detail && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', overflowWrap: 'anywhere' }}>
          {item.detail}
        </Typography.Paragraph>
      )}
      {editing ? (
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note.trim() !== item.note && onChange({ note: note.trim() })}
            placeholder={t('dispatch.items.notePlaceholder')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
            disabled={busy}
            style={{ flex: '1 1 240px' }}
            data-testid="dispatch-item-note"
          />
          <PersonPicker
            value={item.leaderPersonId}
            valueLabel={item.leaderName}
            onChange={(leaderPersonId) => onChange({ leaderPersonId })}
            placeholder={t('dispatch.items.leader')}
            disabled={busy}
            style={{ width: 150 }}
          />
          <Flex gap={4}>
            <Tooltip title={t('dispatch.items.up')}>
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={busy || first}
                onClick={() => onMove(-1)}
                aria-label={t('dispatch.items.up')}
              />
            </Tooltip>
            <Tooltip title={t('dispatch.items.down')}>
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={busy || last}
                onClick={() => onMove(1)}
                aria-label={t('dispatch.items.down')}
              />
            </Tooltip>
            <Popconfirm title={t('dispatch.items.remove')} onConfirm={onRemove} okButtonProps={{ danger: true }}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={busy}
                aria-label={t('dispatch.items.remove')}
                data-testid="dispatch-item-remove"
              />
            </Popconfirm>
          </Flex>
        </Flex>
      ) : (
        item.note && (
          <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
            <Typography.Text strong>{t('dispatch.items.note')}：</Typography.Text>
            <Typography.Text>{item.note}</Typography.Text>
          </div>
        )
      )}
    </div>
  );
}
