import { useTranslation } from 'react-i18next';
import type { AuditCheckpointCheck, HeadSignatureCheck } from '@qinlian/contracts';
import { formatMoment } from '../../components/public/format.ts';

function verdictText(check: AuditCheckpointCheck, t: ReturnType<typeof useTranslation>['t']): string {
  const values = { seq: check.seq, head: check.headSeq, through: check.verifiedThrough, bad: check.firstBadSeq ?? 0 };
  if (check.verdict !== 'broken') return t(`public.verify.verdicts.${check.verdict}.text`, values);
  return t(`public.verify.verdicts.broken.${(check.firstBadSeq ?? 0) > check.seq ? 'after' : 'before'}`, values);
}

function SignatureLine({ s }: { s: HeadSignatureCheck }) {
  const { t, i18n } = useTranslation();
  const at = (instant: string | null | undefined) => (instant ? formatMoment(instant, i18n.language) : '');
  return (
    <p className={`pv-signature-line ${s.valid ? 'good' : 'bad'}`} data-testid="verify-signature-result" data-valid={s.valid}>
      {t(`public.verify.signatures.${s.problem ?? 'valid'}`, { keyId: s.keyId, from: at(s.key?.validFrom), until: at(s.key?.validUntil) })}
    </p>
  );
}

/** The answer in plain words: intact, still being checked, or changed — and whether the signature is the area's. */
export function VerifyResult({ check, onAgain }: { check: AuditCheckpointCheck; onAgain: () => void }) {
  const { t } = useTranslation();
  const tone = check.verdict === 'confirmed' ? 'good' : check.verdict === 'pending' ? 'wait' : 'bad';
  return (
    <section className={`public-card pv-result ${tone}`} role="status" data-testid="verify-result" data-verdict={check.verdict}>
      <h2 data-testid="verify-verdict">{t(`public.verify.verdicts.${check.verdict}.title`)}</h2>
      <p data-testid="verify-explanation">{verdictText(check, t)}</p>
      {check.signature && <SignatureLine s={check.signature} />}
      {check.verdict === 'pending' && (
        <button type="button" className="public-button" onClick={onAgain} data-testid="verify-again">
          {t('public.verify.again')}
        </button>
      )}
    </section>
  );
}
