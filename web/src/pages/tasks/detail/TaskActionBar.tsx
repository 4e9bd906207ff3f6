import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { isDanger, isPrimary, PAGE_ACTION_ORDER, type PageAction } from '../actions.ts';

type Props = { task: Task; onAction: (a: PageAction) => void; onEdit: () => void; refreshing: boolean };

/** Only what `task.abilities` allows; the rules themselves live on the server. */
export function TaskActionBar({ task, onAction, onEdit, refreshing }: Props) {
  const { t } = useTranslation();
  const actions = PAGE_ACTION_ORDER.filter((a) => task.abilities[a]);
  return (
    <Flex gap={8} wrap align="center" className="task-action-bar" data-testid="task-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={isPrimary(a) ? 'primary' : 'default'}
          danger={isDanger(a)}
          onClick={() => onAction(a)}
          disabled={refreshing}
          // the label is the accessible name, as written: no space put between two characters (分办, not 分 办)
          autoInsertSpace={false}
          data-testid={`task-action-${a}`}
        >
          {t(`task.actions.${a}`)}
        </Button>
      ))}
      {task.abilities.edit && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="task-edit-button">
          {t('common.edit')}
        </Button>
      )}
      {actions.length === 0 && !task.abilities.edit && <Typography.Text type="secondary">{t('task.noActions')}</Typography.Text>}
    </Flex>
  );
}
