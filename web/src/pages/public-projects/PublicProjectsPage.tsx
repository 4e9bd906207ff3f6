import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicLivelihoodProject } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { formatDay } from '../../components/public/format.ts';
import { formatYuan } from '../../domain/livelihood/formatYuan.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { usePublicProjects } from './hooks.ts';
import './public-projects.css';

/** One project: what, how many asked, who does it, its cost and due date, how far it is — or why it was withdrawn. */
function Project({ p }: { p: PublicLivelihoodProject }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className="public-card pp-project" data-testid="public-project" data-stage={p.stage}>
      <div className="pp-head">
        <h3>{p.title}</h3>
        <span className={`pp-stage ${p.stage}`} data-testid="public-project-stage">
          {t(`publicProjects.stages.${p.stage}`)}
        </span>
      </div>
      <ul className="pp-facts">
        <li>
          {t('publicProjects.asked', { count: p.people })}
          {p.categories.length > 0 && ` · ${p.categories.join('、')}`}
        </li>
        {p.departmentName && <li>{t('publicProjects.department', { name: p.departmentName })}</li>}
        {p.estimatedCost !== null && <li>{t('publicProjects.cost', { value: formatYuan(p.estimatedCost, t, lang) })}</li>}
        {p.dueDate && <li>{t('publicProjects.due', { date: formatDay(p.dueDate, lang) })}</li>}
      </ul>
      {p.stage === 'withdrawn' ? (
        <p className="pp-withdrawn" data-testid="public-project-withdrawn">
          {t('publicProjects.withdrawnReason', { reason: p.withdrawnReason ?? '' })}
        </p>
      ) : (
        <>
          <div
            className="pp-bar"
            role="progressbar"
            aria-label={t('publicProjects.progress')}
            aria-valuenow={p.progress}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <span style={{ width: `${p.progress}%` }} />
          </div>
          <div className="pp-progress">
            <span>{t('publicProjects.progress')}</span>
            <span data-testid="public-project-progress">{p.progress}%</span>
          </div>
        </>
      )}
    </li>
  );
}

/**
 * 民生实事项目进展 (/p/projects, /p/projects/:year), linked from the campaign's page: the year's
 * livelihood projects, each with its stage, progress and due date as the supervised task stands, and
 * the withdrawn ones with their reasons. No account; no one's personal data.
 */
export function PublicProjectsPage() {
  const { t } = useTranslation();
  const { year: raw } = useParams();
  const asked = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const query = usePublicProjects(asked);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <section className="public-card" role="alert" data-testid="public-problem">
        <p style={{ margin: 0 }}>{isApiError(query.error) ? query.error.message : t('errors.network')}</p>
      </section>
    );
  const { year, years, items } = query.data;
  return (
    <div data-testid="public-projects">
      <section className="public-card pp-intro">
        <p className="pp-kicker">{t('publicProjects.kicker')}</p>
        <h2 data-testid="public-projects-title">{year ? t('publicProjects.title', { year }) : t('publicProjects.titleNone')}</h2>
        <p>{t('publicProjects.intro')}</p>
        {years.length > 1 && (
          <ul className="pp-years" aria-label={t('publicProjects.years')}>
            {years.map((y) => (
              <li key={y}>
                <Link to={`${PUBLIC_BASE}/projects/${y}`} aria-current={y === year ? 'page' : undefined}>
                  {t('publicProjects.yearOption', { year: y })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {items.length === 0 ? (
        <section className="public-card" data-testid="public-projects-none">
          <p style={{ margin: 0 }}>{t('publicProjects.none')}</p>
        </section>
      ) : (
        <ul className="pp-list">
          {items.map((p) => (
            <Project key={p.id} p={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
