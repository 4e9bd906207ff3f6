import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditSigningKey } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { formatMoment } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { usePublicKeys } from './hooks.ts';
import './public-verify.css';

function KeyCard({ k }: { k: AuditSigningKey }) {
  const { t, i18n } = useTranslation();
  const current = k.validUntil === null;
  return (
    <li className="public-card pv-key" data-testid="public-key" data-key-id={k.id}>
      <div className="pv-key-head">
        <h3 className="pv-mono">{k.id}</h3>
        <span className={`pv-key-state ${current ? 'current' : 'retired'}`} data-testid="public-key-state">
          {t(current ? 'public.keys.current' : 'public.keys.retired')}
        </span>
      </div>
      <p className="pv-muted">
        {t('public.keys.from', { at: formatMoment(k.validFrom, i18n.language) })}
        {k.validUntil && ` · ${t('public.keys.until', { at: formatMoment(k.validUntil, i18n.language) })}`}
      </p>
      <p className="pv-label">{t('public.keys.publicKey')}</p>
      <p className="pv-mono pv-wrap" data-testid="public-key-hex">
        {k.publicKey}
      </p>
    </li>
  );
}

/** 本区签名公钥 (/p/keys): every SM2 public key that has signed a bulletin's head, the one in use first. */
export function PublicKeysPage() {
  const { t } = useTranslation();
  const query = usePublicKeys();
  return (
    <div data-testid="public-keys">
      <section className="public-card">
        <h2>{t('public.keys.title')}</h2>
        <p className="pv-muted" style={{ margin: 0 }}>
          {t('public.keys.intro')}
        </p>
      </section>
      {query.isPending && <p className="public-loading">{t('common.loading')}</p>}
      {query.isError && (
        <section className="public-card" role="alert" data-testid="public-problem">
          <p style={{ margin: 0 }}>{isApiError(query.error) ? query.error.message : t('errors.network')}</p>
        </section>
      )}
      {query.data &&
        (query.data.items.length === 0 ? (
          <section className="public-card" data-testid="public-keys-none">
            <p style={{ margin: 0 }}>{t('public.keys.none')}</p>
          </section>
        ) : (
          <ul className="pv-keys">
            {query.data.items.map((k) => (
              <KeyCard key={k.id} k={k} />
            ))}
          </ul>
        ))}
      <p className="public-note">
        <Link to={`${PUBLIC_BASE}/verify`}>{t('public.keys.verifyLink')}</Link>
      </p>
    </div>
  );
}
