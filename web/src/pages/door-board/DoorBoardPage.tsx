import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDoorBoard } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import type { LiveStatus } from '../../domain/live/liveStream.ts';
import { shanghaiTime } from '../../domain/whereabouts/returnText.ts';
import { PublicLanguageSwitch } from '../../layout/public/PublicLanguageSwitch.tsx';
import { DoorBoardClock, useNow } from './DoorBoardClock.tsx';
import { DoorBoardPerson } from './DoorBoardPerson.tsx';
import { fitGrid, type GridFit } from './fitGrid.ts';
import { useDoorBoard } from './useDoorBoard.ts';
import '../../layout/public/public.css';
import './door-board.css';

const GAP = 16;

/** Columns and card size for the space below the header, recomputed when the screen turns or resizes. */
function useGridFit(count: number) {
  const ref = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState<GridFit>({ columns: 1, cardHeight: 132 });
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      const width = ref.current?.clientWidth || window.innerWidth;
      // the footer line and the page's bottom padding stay visible
      const height = Math.max(window.innerHeight - top - 48, 200);
      setFit(fitGrid(count, width, height, GAP));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [count]);
  return { ref, fit };
}

function LiveIndicator({ status, stale }: { status: LiveStatus; stale: boolean }) {
  const { t } = useTranslation();
  const state = stale && status === 'live' ? 'reconnecting' : status;
  return (
    <span className="door-board-live" data-testid="door-board-live" data-state={state} role="status">
      {t(`public.doorBoard.live.${state}`)}
    </span>
  );
}

function Board({ board }: { board: PublicDoorBoard }) {
  const { t } = useTranslation();
  const now = useNow(60_000); // "15:00 返回" turns into a date at midnight
  const { ref, fit } = useGridFit(board.people.length);
  const style = {
    '--columns': fit.columns,
    '--card-height': `${fit.cardHeight}px`,
    '--u': `${fit.cardHeight / 100}px`,
    '--gap': `${GAP}px`,
  };
  if (board.people.length === 0) return <p className="door-board-message">{t('public.doorBoard.empty')}</p>;
  return (
    <ul ref={ref} className="door-board-grid" style={style as CSSProperties} data-columns={fit.columns}>
      {board.people.map((p) => (
        <DoorBoardPerson key={p.personId} person={p} now={now} />
      ))}
    </ul>
  );
}

/**
 * 门口去向牌 (/p/door-boards/<code>): the kiosk screen beside an office door — who of the department
 * is in, who is away, when they are back and who acts for them — kept live by the server's events.
 * No account and no console code: plain elements and its own CSS.
 */
export function DoorBoardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { query, live, dead } = useDoorBoard(code);
  const board = query.data;

  useEffect(() => {
    if (board) document.title = `${board.departmentName} · ${t('public.doorBoard.title')}`;
  }, [board, t]);

  let message: string | null = null;
  if (dead) message = t(isApiError(query.error) && query.error.status === 400 ? 'public.doorBoard.badCode' : 'public.doorBoard.notFound');
  else if (!board) message = query.isError ? t('public.doorBoard.loadFailed') : t('common.loading');

  return (
    <div className="door-board" data-testid="door-board" data-code={code}>
      <header className="door-board-header">
        <div className="door-board-title">
          <span className="door-board-kicker">{t('public.doorBoard.title')}</span>
          <h1 data-testid="door-board-department">{board?.departmentName ?? '\u00a0'}</h1>
        </div>
        {board && !dead && (
          <div className="door-board-counts" data-testid="door-board-counts">
            <span>
              {t('public.doorBoard.present')}
              <strong>{board.counts.present}</strong>
            </span>
            <span>
              {t('public.doorBoard.away')}
              <strong>{board.counts.away}</strong>
            </span>
            <span>
              {t('public.doorBoard.total')}
              <strong>{board.counts.total}</strong>
            </span>
          </div>
        )}
        <div className="door-board-side">
          <DoorBoardClock />
          <div className="door-board-status">
            {!dead && <LiveIndicator status={live} stale={query.isRefetchError} />}
            <PublicLanguageSwitch />
          </div>
        </div>
      </header>
      <main className="door-board-main">
        {message ? (
          <p className="door-board-message" role={query.isError ? 'alert' : undefined} data-testid="door-board-message">
            {message}
          </p>
        ) : (
          <Board board={board!} />
        )}
      </main>
      {board && <footer className="door-board-footer">{t('public.doorBoard.updatedAt', { time: shanghaiTime(board.generatedAt) })}</footer>}
    </div>
  );
}
