import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the public can do here without an account; a service with a page of its own links to it. */
const SERVICES = ['demand', 'track', 'review', 'progress'] as const;
const PAGES: Partial<Record<(typeof SERVICES)[number], string>> = { demand: '/p/d/new', track: '/p/d', progress: '/p/projects' };

/** 公众服务首页: the services, each leading to its page where it has one. */
export function PublicHomePage() {
  const { t } = useTranslation();
  return (
    <div data-testid="public-home">
      <section className="public-card">
        <h2>{t('public.home.title')}</h2>
        <p style={{ margin: 0 }}>{t('public.home.intro')}</p>
      </section>
      <ul className="public-services">
        {SERVICES.map((s, i) => (
          <li key={s} className="public-card public-service" data-testid={`public-service-${s}`}>
            <span className="public-service-mark" aria-hidden="true">
              {i + 1}
            </span>
            <div>
              <h3>{PAGES[s] ? <Link to={PAGES[s]}>{t(`public.home.services.${s}.title`)}</Link> : t(`public.home.services.${s}.title`)}</h3>
              <p>{t(`public.home.services.${s}.text`)}</p>
            </div>
          </li>
        ))}
      </ul>
      <p className="public-note">{t('public.home.soon')}</p>
    </div>
  );
}
