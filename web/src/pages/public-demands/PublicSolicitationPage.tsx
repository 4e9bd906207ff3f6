import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDemandReceipt, PublicSolicitation } from '@qinlian/contracts';
import { formatDay } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { DemandForm } from './DemandForm.tsx';
import { DemandReceipt } from './DemandReceipt.tsx';
import { usePublicSolicitation } from './hooks.ts';
import { PublicProblem } from './PublicProblem.tsx';
import './public-demands.css';

/** Today in Asia/Shanghai as YYYY-MM-DD, the calendar the campaign's period is kept in. */
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Outside the period: a polite word on when it opens or that it has ended, and where demands go meanwhile. */
function ClosedNotice({ s }: { s: PublicSolicitation }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const upcoming = shanghaiToday() < s.opensOn;
  return (
    <section className="public-card pd-closed" role="status" data-testid="solicitation-closed">
      <h2>{t(upcoming ? 'publicDemands.solicitation.notYet' : 'publicDemands.solicitation.ended')}</h2>
      <p>
        {upcoming
          ? t('publicDemands.solicitation.notYetText', { date: day(s.opensOn) })
          : t('publicDemands.solicitation.endedText', { date: day(s.closesOn) })}
      </p>
      <Link to={`${PUBLIC_BASE}/d/new`} className="pd-link" data-testid="solicitation-go-demand">
        {t('publicDemands.solicitation.demandInstead')}
      </Link>
    </section>
  );
}

/**
 * 民生实事征集 (/p/s/<code>), opened from the campaign's QR poster: what it asks and until when, its
 * categories to choose from, and the suggestion form — or, outside its period, a polite closed notice.
 */
export function PublicSolicitationPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const query = usePublicSolicitation(code);
  const [receipt, setReceipt] = useState<PublicDemandReceipt | null>(null);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError) return <PublicProblem error={query.error} />;
  const s = query.data;
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <div data-testid="public-solicitation">
      <section className="public-card pd-campaign">
        <p className="pd-kicker">{t('publicDemands.solicitation.kicker')}</p>
        <h2 data-testid="solicitation-title">{s.title}</h2>
        <p className="pd-period" data-testid="solicitation-period">
          {t('publicDemands.solicitation.period', { from: day(s.opensOn), to: day(s.closesOn) })}
        </p>
        {s.description && <p className="pd-prose">{s.description}</p>}
        {/* a campaign asks for suggestions; a problem to be solved now goes to the demand form (我要反映) */}
        {s.open && (
          <Link to={`${PUBLIC_BASE}/d/new`} className="pd-link" data-testid="solicitation-demand-link">
            {t('publicDemands.solicitation.demandInstead')}
          </Link>
        )}
        {/* an open campaign offers its categories as the form's choices */}
        {!s.open && s.categories.length > 0 && (
          <p className="pd-muted">
            {t('publicDemands.solicitation.categories', { list: s.categories.join(t('publicDemands.listSeparator')) })}
          </p>
        )}
        {/* what became of the suggestions: the livelihood projects selected from them, and how far they are */}
        <Link to={`${PUBLIC_BASE}/projects`} className="pd-link" data-testid="solicitation-projects">
          {t('publicProjects.campaignLink')}
        </Link>
      </section>
      {receipt ? (
        <DemandReceipt receipt={receipt} onAnother={() => setReceipt(null)} />
      ) : s.open ? (
        <DemandForm
          kind="suggestion"
          solicitationCode={s.code}
          categories={s.categories}
          onSubmitted={setReceipt}
          onClosed={() => void query.refetch()}
        />
      ) : (
        <ClosedNotice s={s} />
      )}
    </div>
  );
}
