import { FullscreenExitOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Board } from '@qinlian/contracts';
import { BrandMark } from '../../layout/BrandMark.tsx';
import { WARNING_HEX, WARNINGS } from '../../domain/tasks/labels.ts';
import { BoardColumns } from './BoardColumns.tsx';
import { BoardShowing } from './BoardShowing.tsx';
import { WallClock } from './WallClock.tsx';

type Props = { board: Board | undefined; planName?: string; updatedAt: number; onExit: () => void };

/** 大屏: a dark, full-screen layout for a 1920×1080 wall — big counts by colour, then the columns. */
export function BoardWall({ board, planName, updatedAt, onExit }: Props) {
  const { t } = useTranslation();
  const total = board?.total ?? 0;
  return (
    <div className="board-wall" data-testid="board-wall">
      <header className="wall-head">
        <div className="wall-title">
          <BrandMark size={44} />
          <div>
            <div className="wall-title-main">{t('board.wallTitle')}</div>
            <div className="wall-title-sub">{planName ?? t('brand.name')}</div>
          </div>
        </div>
        <div className="wall-counts">
          <div className="wall-count wall-count-total">
            <div className="wall-count-num">{total}</div>
            <div className="wall-count-label">{t('board.tagged')}</div>
          </div>
          {WARNINGS.map((w) => (
            <div key={w} className={`wall-count wall-count-${w}`} style={{ borderColor: WARNING_HEX[w] }} data-testid={`wall-count-${w}`}>
              <div className="wall-count-num" style={{ color: WARNING_HEX[w] }}>
                {board?.counts.byWarning[w] ?? 0}
              </div>
              <div className="wall-count-label">{t(`task.warnings.${w}`)}</div>
            </div>
          ))}
        </div>
        <div className="wall-right">
          <WallClock />
          <Button ghost icon={<FullscreenExitOutlined />} onClick={onExit} data-testid="board-wall-toggle">
            {t('board.exitWall')}
          </Button>
        </div>
      </header>
      <main className="wall-body">{board ? <BoardColumns board={board} dark /> : <Spin size="large" />}</main>
      <footer className="wall-foot">
        {t('board.wallFoot')}
        {updatedAt ? ` · ${t('board.updatedAt', { time: dayjs(updatedAt).format('HH:mm:ss') })}` : ''}
        {board?.truncated && (
          <>
            {' '}
            · <BoardShowing board={board} dark />
          </>
        )}
      </footer>
    </div>
  );
}
