import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDemandReceipt } from '@qinlian/contracts';
import { formatDay } from '../../components/public/format.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';

/** Puts the code on the clipboard; where the browser allows no clipboard (plain http), the code stays selectable. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * 提交成功: the tracking code (查询码) big enough to read off a phone and copy, the plea to keep it,
 * when to expect an answer, and the way to the tracking page.
 */
export function DemandReceipt({ receipt, onAnother }: { receipt: PublicDemandReceipt; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <section className="public-card pd-receipt" role="status" data-testid="demand-receipt">
      <h2>{t('publicDemands.receipt.title')}</h2>
      <p className="pd-muted">{t('publicDemands.receipt.codeLabel')}</p>
      <p className="pd-code" data-testid="demand-receipt-code" data-code={receipt.code}>
        {receipt.displayCode}
      </p>
      <button
        type="button"
        className="pd-button-secondary"
        onClick={() => void copy(receipt.displayCode).then(setCopied)}
        data-testid="demand-receipt-copy"
      >
        {copied ? t('publicDemands.receipt.copied') : t('publicDemands.receipt.copy')}
      </button>
      {copied === false && <p className="pd-muted">{t('publicDemands.receipt.copyByHand')}</p>}
      <p className="pd-keep" data-testid="demand-receipt-keep">
        {t('publicDemands.receipt.keep')}
      </p>
      {receipt.expectedBy && <p>{t('publicDemands.receipt.expectedBy', { date: formatDay(receipt.expectedBy, i18n.language) })}</p>}
      <Link
        className="public-button pd-link-button"
        to={`${PUBLIC_BASE}/d/${encodeURIComponent(receipt.code)}`}
        data-testid="demand-receipt-track"
      >
        {t('publicDemands.receipt.track')}
      </Link>
      <button type="button" className="pd-text-button" onClick={onAnother} data-testid="demand-receipt-another">
        {t('publicDemands.receipt.another')}
      </button>
    </section>
  );
}
