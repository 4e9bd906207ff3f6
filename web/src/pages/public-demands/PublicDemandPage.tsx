import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDemand } from '@qinlian/contracts';
import { CodeLookupForm } from '../../components/public/CodeLookupForm.tsx';
import { formatDay, formatMoment } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { DemandProgress } from './DemandProgress.tsx';
import { DemandRatingForm } from './DemandRatingForm.tsx';
import { DemandReopenForm } from './DemandReopenForm.tsx';
import { usePublicDemand } from './hooks.ts';
import { PublicProblem } from './PublicProblem.tsx';
import './public-demands.css';

/** 查询办理进度: the code typed in, opened at /p/d/<code>. */
function LookUp({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  return (
    <CodeLookupForm
      pathOf={(code) => `${PUBLIC_BASE}/d/${code}`}
      initial={initial}
      title={t('publicDemands.lookup.title')}
      hint={t('publicDemands.lookup.hint')}
      codeLabel={t('publicDemands.lookup.codeLabel')}
      submitLabel={t('publicDemands.lookup.submit')}
      testId="demand-lookup"
      classNames={{ form: 'public-card', hint: 'pd-muted', row: 'pd-lookup-row', input: 'pd-input pd-lookup-input' }}
    >
      <Link to={`${PUBLIC_BASE}/d/new`} className="pd-link" data-testid="demand-go-new">
        {t('publicDemands.lookup.newInstead')}
      </Link>
    </CodeLookupForm>
  );
}

/** /p/d: where a submitter types the code they kept. */
export function PublicDemandLookupPage() {
  return <LookUp />;
}

function Record({ d }: { d: PublicDemand }) {
  const { t, i18n } = useTranslation();
  const at = (instant: string) => formatMoment(instant, i18n.language);
  const fact = (key: string, value: string | null, testId?: string) =>
    value && (
      <>
        <dt>{t(`publicDemands.track.${key}`)}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    );
  return (
    <section className="public-card pd-record" data-testid="public-demand">
      <p className="pd-kicker">
        {t('publicDemands.track.codeLabel')} <span className="pd-code-inline">{d.displayCode}</span>
      </p>
      <h2 className="pd-title">{d.title}</h2>
      <p>
        <span className={`pd-status ${d.status}`} data-testid="demand-status" data-status={d.status}>
          {t(`publicDemands.statuses.${d.status}`)}
        </span>
      </p>
      {d.status === 'rejected' ? <p className="pd-muted">{t('publicDemands.track.rejectedNote')}</p> : <DemandProgress demand={d} />}
      <dl className="pd-facts">
        {fact('kind', t(`publicDemands.kinds.${d.kind}`))}
        {fact('category', d.category)}
        {fact('department', d.departmentName, 'demand-department')}
        {fact('createdAt', at(d.createdAt))}
        {d.reply === null &&
          d.status !== 'rejected' &&
          fact('expectedBy', d.expectedBy && formatDay(d.expectedBy, i18n.language), 'demand-expected')}
        {fact('reply', d.reply, 'demand-reply')}
        {fact('repliedAt', d.repliedAt && at(d.repliedAt))}
        {fact('closedAt', d.closedAt && at(d.closedAt))}
        {fact('rating', d.rating !== null ? t(`publicDemands.levels.${d.rating}`) : null, 'demand-rating')}
      </dl>
      <details className="pd-details">
        <summary>{t('publicDemands.track.body')}</summary>
        <p className="pd-prose">{d.body}</p>
      </details>
    </section>
  );
}

/** 办理进度 (/p/d/<code>): where the item stands, who handles it, when to expect the answer, the answer — then rate it or ask again. */
export function PublicDemandPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = usePublicDemand(code);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <>
        <PublicProblem error={query.error} />
        <LookUp key={code} initial={code} />
      </>
    );
  const d = query.data;
  return (
    <div>
      <Record d={d} />
      {d.canRate && <DemandRatingForm code={code} />}
      {d.rating !== null && (
        <p className="public-note" data-testid="demand-rated-thanks">
          {t('publicDemands.rate.thanks')}
        </p>
      )}
      {d.canReopen && <DemandReopenForm code={code} />}
      {!d.canRate && d.reply === null && d.status !== 'rejected' && (
        <p className="public-note" data-testid="demand-rate-later">
          {t('publicDemands.track.rateLater')}
        </p>
      )}
    </div>
  );
}
