import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';

/**
 * Why a public page cannot show its record: the server's own sentence, already in the language it was
 * asked in (an unknown or mistyped code, a campaign that is not there, too many requests).
 */
export function PublicProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  return (
    <section className="public-card" role="alert" data-testid="public-problem" data-status={status}>
      <p style={{ margin: 0 }}>{isApiError(error) ? error.message : t('errors.network')}</p>
    </section>
  );
}
