import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicDoorBoardEntry } from '@qinlian/contracts';
import { isAway, STATE_TONE } from '../../domain/whereabouts/states.ts';
import { returnParts } from '../../domain/whereabouts/returnText.ts';

/** The photo, or the surname on a plain tile when there is none (or it fails to load). */
function Photo({ person }: { person: PublicDoorBoardEntry }) {
  const [failed, setFailed] = useState(false);
  if (!person.photoUrl || failed)
    return (
      <div className="door-board-photo door-board-photo-none" role="img" aria-label={person.name}>
        {Array.from(person.name)[0] ?? ''}
      </div>
    );
  return <img className="door-board-photo" src={person.photoUrl} alt={person.name} loading="lazy" onError={() => setFailed(true)} />;
}

const MARK = '\u0001';

/** 由 张三 代岗, the name stressed: the sentence is split around it, so the name is never read as markup. */
function Acting({ name }: { name: string }) {
  const { t } = useTranslation();
  const [before = '', after = ''] = t('public.doorBoard.acting', { name: MARK }).split(MARK);
  return (
    <p className="door-board-acting" data-testid="door-board-acting">
      {before}
      <strong>{name}</strong>
      {after}
    </p>
  );
}

type Props = { person: PublicDoorBoardEntry; now: Date };

/** One person on the door board: photo, name, posts, where they are, when they are back, who acts meanwhile. */
export function DoorBoardPerson({ person, now }: Props) {
  const { t, i18n } = useTranslation();
  const tone = STATE_TONE[person.state];
  const away = isAway(person.state);
  const back = person.expectedReturnAt && person.state !== 'in_office' ? returnParts(person.expectedReturnAt, now, i18n.language) : null;
  return (
    <li className="door-board-person" data-testid="door-board-person" data-person-id={person.personId} data-tone={tone}>
      <Photo person={person} />
      <div className="door-board-info">
        <p className="door-board-name">{person.name}</p>
        {person.posts.length > 0 && (
          <p className="door-board-posts" title={person.posts.join('、')}>
            {person.posts.join(t('public.doorBoard.postSeparator'))}
          </p>
        )}
        <div className="door-board-now">
          <span className="door-board-state" data-testid="door-board-state" data-state={person.state} data-tone={tone}>
            {t(`public.doorBoard.states.${person.state}`)}
          </span>
          {back && (
            <span className="door-board-return" data-testid="door-board-return">
              {back.today ? t('public.doorBoard.backAt', { time: back.time }) : t('public.doorBoard.backOn', { date: back.date })}
            </span>
          )}
        </div>
        {away && person.actingPersonName && <Acting name={person.actingPersonName} />}
      </div>
    </li>
  );
}
