import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicBadge } from '@qinlian/contracts';
import { formatMoment } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { AWAY } from './contractMirror.ts';
import { badgeRatingPath, publicKeys, usePublicBadge } from './hooks.ts';
import { PublicProblem } from './PublicProblem.tsx';
import { RateForm } from './RateForm.tsx';
import { RatingStars } from './RatingStars.tsx';
import './public-rating.css';

/** The photo, or the first character of the name when there is none (or it fails to load). */
function Photo({ badge }: { badge: PublicBadge }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (!badge.photoUrl || failed)
    return (
      <div className="badge-photo badge-photo-none" role="img" aria-label={t('public.badge.noPhoto')}>
        {badge.name.slice(0, 1)}
      </div>
    );
  return <img className="badge-photo" src={badge.photoUrl} alt={badge.name} width={96} height={128} onError={() => setFailed(true)} />;
}

/** 当前去向: the state, the expected return, and whom to ask meanwhile. */
function Whereabouts({ badge }: { badge: PublicBadge }) {
  const { t, i18n } = useTranslation();
  const { state, expectedReturnAt } = badge.whereabouts;
  const away = AWAY.has(state);
  return (
    <div className="badge-now" data-testid="badge-whereabouts" data-state={state}>
      <span className="badge-now-label">{t('public.badge.now')}</span>
      <span className={`badge-state ${away ? 'away' : state === 'meeting' ? 'busy' : 'here'}`}>{t(`public.whereabouts.${state}`)}</span>
      {expectedReturnAt && state !== 'in_office' && (
        <span className="badge-return">
          {t('public.badge.expectedReturn', { time: formatMoment(expectedReturnAt, i18n.language, { withYear: false }) })}
        </span>
      )}
      {away && badge.backupName && (
        <p className="badge-acting">{t('public.badge.actingNote', { name: badge.name, backup: badge.backupName })}</p>
      )}
    </div>
  );
}

/** 亮牌 (/p/b/<code>): who serves at this desk, where they are now, how the public rates them — and rate them. */
export function PublicBadgePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = usePublicBadge(code);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <PublicProblem
        error={query.error}
        notFound="public.badge.notFound"
        badCode="public.badge.notFound"
        failed="public.badge.loadFailed"
      />
    );
  const b = query.data;
  return (
    <div data-testid="public-badge">
      <section className="public-card badge-card">
        <div className="badge-head">
          <Photo badge={b} />
          <div className="badge-who">
            <p className="badge-kicker">{t('public.badge.title')}</p>
            <h2 className="badge-name" data-testid="badge-name">
              {b.name}
            </h2>
            <p className="badge-dept">{b.departmentName}</p>
            {b.postName && (
              <p className="badge-post" data-testid="badge-post">
                {t('public.badge.post')}
                {t('common.colon')}
                {b.postName}
              </p>
            )}
            <p className="public-muted badge-code">
              {t('public.badge.code')} {b.displayCode}
            </p>
          </div>
        </div>
        <Whereabouts badge={b} />
        <dl className="badge-facts">
          <dt>{t('public.badge.duties')}</dt>
          <dd className="badge-duties" data-testid="badge-duties">
            {b.duties || t('public.badge.noDuties')}
          </dd>
          <dt>{t('public.badge.backup')}</dt>
          <dd data-testid="badge-backup">{b.backupName ?? t('public.badge.noBackup')}</dd>
          <dt>{t('public.badge.rating')}</dt>
          <dd>
            <RatingStars summary={b.rating} />
            <Link to={`${PUBLIC_BASE}/r/${encodeURIComponent(b.ratingPageCode)}`} className="public-link" data-testid="badge-results-link">
              {t('public.badge.results')}
            </Link>
          </dd>
        </dl>
      </section>
      <RateForm action={badgeRatingPath(code)} refresh={publicKeys.badge(code)} />
    </div>
  );
}
