import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';

/**
 * Why a public page cannot show its record: the server's own sentence, already in the language it was
 * asked in (an unknown or mistyped code, a campaign that is not there, too many requests).
 */
export function PublicProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error))
    return (
      <section className="public-card" role="alert" data-testid="public-problem" data-status={0}>
        <p style={{ margin: 0 }}>{t('errors.network')}</p>
      </section>
    );
  // a mistyped code is a 400 whose words are the field's ("the code has a typo"), not the form's
  const field = error.fields.find((f) => f.message && f.message !== error.message)?.message;
  return (
    <section className="public-card" role="alert" data-testid="public-problem" data-status={error.status}>
      <p style={{ margin: 0 }}>{field ?? error.message}</p>
    </section>
  );
}
