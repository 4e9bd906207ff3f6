import { useTranslation } from 'react-i18next';

/** What the public will be able to do here, without an account; each service becomes a page under /p as its module lands. */
const SERVICES = ['demand', 'track', 'review', 'progress'] as const;

/** 公众服务首页: a placeholder that names the services to come. */
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
              <h3>{t(`public.home.services.${s}.title`)}</h3>
              <p>{t(`public.home.services.${s}.text`)}</p>
            </div>
          </li>
        ))}
      </ul>
      <p className="public-note">{t('public.home.soon')}</p>
    </div>
  );
}
