import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskListItem } from '@qinlian/contracts';

type Props = { task: Pick<TaskListItem, 'handlerActingForName'> };

/**
 * 代X岗: the post's B holder handles the task while its A holder is away — said on the row and on the
 * task's page, so that B sees whose work it is and A's absence is not mistaken for B's own post.
 */
export function ActingForTag({ task }: Props) {
  const { t } = useTranslation();
  if (!task.handlerActingForName) return null;
  return (
    <Tag color="purple" data-testid="task-acting-for" style={{ marginInlineEnd: 0 }}>
      {t('task.actingFor', { name: task.handlerActingForName })}
    </Tag>
  );
}
