import { useState } from 'react';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchItemInput, DispatchSheet } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { AddItemDialog } from './AddItemDialog.tsx';
import { ItemRow } from './ItemRow.tsx';
import { itemInput } from './itemInputs.ts';
import { useEditSheet } from './hooks.ts';

/**
 * 调度事项 by leader in charge (分管领导). While editing, every change — a move within the leader's
 * items, a removal, a note, another leader, an item added by hand — is saved at once, and the
 * server's answer (with the leaders' names and groups) is what shows.
 */
export function ItemsCard({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useTranslation();
  const edit = useEditSheet();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const flat = sheet.groups.flatMap((g) => g.items);
  const count = flat.length;

  const save = (items: DispatchItemInput[]) =>
    edit.mutate(
      { id: sheet.id, version: sheet.version, title: sheet.title, notes: sheet.notes, items },
      { onSuccess: () => toastSuccess(t('dispatch.items.saved')), onError: (err) => toastError(err.message) },
    );
  const inputs = () => flat.map(itemInput);
  /** swap with the nearest item of the same leader in that direction */
  const move = (id: string, direction: -1 | 1) => {
    const list = inputs();
    const at = list.findIndex((i) => i.id === id);
    let other = at + direction;
    while (other >= 0 && other < list.length && list[other]!.leaderPersonId !== list[at]!.leaderPersonId) other += direction;
    if (other < 0 || other >= list.length) return;
    [list[at], list[other]] = [list[other]!, list[at]!];
    save(list);
  };

  return (
    <Card
      title={
        <span>
          {t('dispatch.items.title')}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('dispatch.items.count', { n: count })}
          </Typography.Text>
        </span>
      }
      extra={
        sheet.abilities.edit && (
          <Flex gap={8}>
            {editing && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="dispatch-item-add">
                {t('dispatch.items.add')}
              </Button>
            )}
            <Button
              size="small"
              type={editing ? 'primary' : 'default'}
              icon={editing ? <CheckOutlined /> : <EditOutlined />}
              onClick={() => setEditing(!editing)}
              data-testid="dispatch-items-edit"
            >
              {editing ? t('common.close') : t('dispatch.items.edit')}
            </Button>
          </Flex>
        )
      }
      data-testid="dispatch-items"
    >
      {count === 0 && <Empty description={t('dispatch.items.empty')} />}
      {sheet.groups.map((g) => (
        <section key={g.leaderPersonId ?? 'none'} style={{ marginBottom: 12 }} data-testid="dispatch-leader-group">
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {g.leaderName ?? t('dispatch.items.noLeader')}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('dispatch.items.count', { n: g.items.length })}
            </Typography.Text>
          </Typography.Title>
          {g.items.map((item, i) => (
            <ItemRow
              key={item.id}
              item={item}
              editing={editing && sheet.abilities.edit}
              busy={edit.isPending}
              first={i === 0}
              last={i === g.items.length - 1}
              onMove={(direction) => move(item.id, direction)}
              onRemove={() => save(inputs().filter((x) => x.id !== item.id))}
              onChange={(patch) => save(inputs().map((x) => (x.id === item.id ? { ...x, ...patch } : x)))}
            />
          ))}
        </section>
      ))}
      <AddItemDialog
        open={adding}
        saving={edit.isPending}
        onClose={() => setAdding(false)}
        onAdd={(added, onError) =>
          edit.mutate(
            { id: sheet.id, version: sheet.version, title: sheet.title, notes: sheet.notes, items: [...inputs(), added] },
            {
              onSuccess: () => {
                toastSuccess(t('dispatch.items.saved'));
                setAdding(false);
              },
              onError,
            },
          )
        }
      />
    </Card>
  );
}
