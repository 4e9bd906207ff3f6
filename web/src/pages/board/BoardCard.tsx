import { Progress, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '@qinlian/contracts';
import { formatDate } from '../../components/time.ts';
import { DaysLeft } from '../../domain/tasks/DaysLeft.tsx';
import { WARNING_HEX, WARNING_TINT } from '../../domain/tasks/labels.ts';
import { WarningDot } from '../../domain/tasks/WarningDot.tsx';

/** One tagged item: coloured by its warning, with owner, deadline and days left. */
export function BoardCard({ item, dark = false }: { item: BoardItem; dark?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const edge = WARNING_HEX[item.warning];
  return (
    <div
      className={`board-card ${dark ? 'board-card-dark' : ''} board-card-${item.warning}`}
      style={{ borderInlineStartColor: edge, background: dark ? undefined : WARNING_TINT[item.warning] }}
      onClick={() => navigate(`/tasks/${item.id}`)}
      role="link"
      tabIndex={0}
      onKeyDown={(e) => e.key === 'Enter' && navigate(`/tasks/${item.id}`)}
      data-testid="board-card"
      data-task-id={item.id}
      data-warning={item.warning}
    >
      <div className="board-card-top">
        <WarningDot warning={item.warning} size={9} />
        <span className="board-card-code">{item.code}</span>
        <span className="board-card-days">
          <DaysLeft days={item.workingDaysLeft} status={item.status} />
        </span>
      </div>
      <div className="board-card-title" title={item.title}>
        {item.title}
      </div>
      <div className="board-card-meta">
        <span>
          {t('board.owner')}
          {t('common.colon')}
          {item.handlerName ?? '—'} · {item.leadDepartmentName}
        </span>
      </div>
      <div className="board-card-meta">
        <span>
          {t('board.deadline')}
          {t('common.colon')}
          {formatDate(item.dueDate)}
        </span>
        {item.leaderName && (
          <span>
            {t('board.leader')}
            {t('common.colon')}
            {item.leaderName}
          </span>
        )}
      </div>
      <Progress
        percent={item.progress}
        size="small"
        strokeColor={item.warning === 'none' ? '#52c41a' : edge}
        railColor={dark ? 'rgba(255,255,255,0.12)' : undefined}
        format={(p) => <Typography.Text className="board-card-pct">{p}%</Typography.Text>}
      />
    </div>
  );
}
