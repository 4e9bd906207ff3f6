import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditCheckpointQuery } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { addressOf, checkFromAddress } from './bulletinHead.ts';
import { useCheckpointCheck } from './hooks.ts';
import { VerifyForm } from './VerifyForm.tsx';
import { VerifyResult } from './VerifyResult.tsx';
import './public-verify.css';

/** Why there is no answer: the server's sentence (its field words show at the fields), or the network. */
function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="public-card pv-result bad" role="alert" data-testid="public-problem">
      <p style={{ margin: 0 }}>{isApiError(error) ? error.message : t('errors.network')}</p>
    </section>
  );
}

/**
 * 核对公告 (/p/verify): whoever holds a printed bulletin types its audit head — and its SM2 signature
 * if they like — and reads in plain words whether today's records are still the ones it vouched for.
 * The question lives in the address, so a bulletin's QR code or a shared link opens its answer.
 */
export function PublicVerifyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = checkFromAddress(params);
  const check = useCheckpointCheck(asked);
  const onCheck = (query: AuditCheckpointQuery) => setParams(addressOf(query));
  const fieldErrors = isApiError(check.error) ? check.error.fields : [];
  return (
    <div data-testid="public-verify">
      <VerifyForm key={params.toString()} initial={asked} onCheck={onCheck} fieldErrors={fieldErrors} busy={check.isFetching} />
      {check.isError && <Problem error={check.error} />}
      {check.data && <VerifyResult check={check.data} onAgain={() => void check.refetch()} />}
      <p className="public-note">
        <Link to={`${PUBLIC_BASE}/keys`} data-testid="verify-keys-link">
          {t('public.verify.keysLink')}
        </Link>
      </p>
    </div>
  );
}
