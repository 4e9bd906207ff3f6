import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';

type Props = { error: unknown; notFound: string; badCode?: string; failed: string };

/**
 * Why a public page cannot show its record, in words for the public: an unknown (or replaced) code
 * is 404, a mistyped one 400; anything else is "try again later" with the server's own sentence.
 */
export function PublicProblem({ error, notFound, badCode, failed }: Props) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  const text = status === 404 ? t(notFound) : status === 400 && badCode ? t(badCode) : t(failed);
  const detail = status !== 404 && status !== 400 && isApiError(error) ? error.message : null;
  return (
    <section className="public-card" role="alert" data-testid="public-problem" data-status={status}>
      <p style={{ margin: 0 }}>{text}</p>
      {detail && <p className="public-muted">{detail}</p>}
    </section>
  );
}
