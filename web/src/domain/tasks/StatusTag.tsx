import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '@qinlian/contracts';
import { STATUS_TAG } from './labels.ts';

/** 草稿 / 已交办 / … / 已销号, on every row, card and task page. */
export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_TAG[status]} data-testid="task-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`task.statuses.${status}`)}
    </Tag>
  );
}
