import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicEnquiry } from '@qinlian/contracts';
import { CodeLookupForm } from '../../components/public/CodeLookupForm.tsx';
import { formatMoment } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { enquiryRatingPath, publicKeys, usePublicEnquiry } from './hooks.ts';
import { PublicProblem } from './PublicProblem.tsx';
import { RateForm } from './RateForm.tsx';
import './public-rating.css';

/** 首问事项 查询码: typed in, opened at /p/e/<code>. */
function LookUp({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  return (
    <CodeLookupForm
      pathOf={(code) => `${PUBLIC_BASE}/e/${code}`}
      initial={initial}
      title={t('public.enquiry.title')}
      hint={t('public.enquiry.lookupHint')}
      codeLabel={t('public.enquiry.codeLabel')}
      submitLabel={t('public.enquiry.lookup')}
      testId="enquiry-lookup"
      classNames={{ form: 'public-card lookup', hint: 'public-muted', row: 'lookup-row', input: 'lookup-input' }}
    />
  );
}

/** /p/e: where an enquirer types the code from their slip. */
export function PublicEnquiryLookupPage() {
  return <LookUp />;
}

function Record({ e }: { e: PublicEnquiry }) {
  const { t, i18n } = useTranslation();
  const at = (instant: string) => formatMoment(instant, i18n.language);
  const h = e.handledBy;
  return (
    <section className="public-card" data-testid="public-enquiry">
      <p className="badge-kicker">{t('public.enquiry.title')}</p>
      <h2 className="enquiry-subject">{e.subject}</h2>
      <p>
        <span className={`enquiry-status ${e.status}`} data-testid="enquiry-status" data-status={e.status}>
          {t(`public.enquiry.statuses.${e.status}`)}
        </span>
      </p>
      <dl className="badge-facts">
        <dt>{t('public.enquiry.handledBy')}</dt>
        <dd>{[h.name, h.postName, h.departmentName].filter(Boolean).join(' · ')}</dd>
        <dt>{t('public.enquiry.createdAt')}</dt>
        <dd>{at(e.createdAt)}</dd>
        {e.reply !== null && (
          <>
            <dt>
              {t('public.enquiry.reply')}
              {e.replyWay && t('public.enquiry.replyWay', { way: t(`public.enquiry.replyWays.${e.replyWay}`) })}
            </dt>
            <dd className="badge-duties" data-testid="enquiry-reply">
              {e.reply}
            </dd>
          </>
        )}
        {e.repliedAt && (
          <>
            <dt>{t('public.enquiry.repliedAt')}</dt>
            <dd>{at(e.repliedAt)}</dd>
          </>
        )}
        {e.closedAt && (
          <>
            <dt>{t('public.enquiry.closedAt')}</dt>
            <dd>{at(e.closedAt)}</dd>
          </>
        )}
      </dl>
      {e.steps.length > 0 && (
        <>
          <h3 className="enquiry-steps-title">{t('public.enquiry.steps')}</h3>
          <ol className="enquiry-steps">
            {e.steps.map((s, i) => (
              <li key={i}>
                <span className="enquiry-step-kind">{t(`public.enquiry.stepKinds.${s.kind}`)}</span>
                <span>{s.departmentName}</span>
                <span className="public-muted">{at(s.at)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** 首问事项 (/p/e/<code>): its status, reply and course; once closed, the enquirer rates the service here. */
export function PublicEnquiryPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = usePublicEnquiry(code);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <>
        <PublicProblem
          error={query.error}
          notFound="public.enquiry.notFound"
          badCode="public.enquiry.badCode"
          failed="public.enquiry.loadFailed"
        />
        <LookUp key={code} initial={code} />
      </>
    );
  const e = query.data;
  return (
    <div>
      <Record e={e} />
      {e.status === 'closed' ? (
        <RateForm action={enquiryRatingPath(code)} refresh={publicKeys.enquiry(code)} />
      ) : (
        <p className="public-note" data-testid="enquiry-rate-later">
          {t('public.enquiry.rateWhenClosed')}
        </p>
      )}
    </div>
  );
}
