import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDemandReceipt } from '@qinlian/contracts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { DemandForm } from './DemandForm.tsx';
import { DemandReceipt } from './DemandReceipt.tsx';
import './public-demands.css';

/** 我要反映 (/p/d/new): a demand (急难愁盼) from anyone, no account — answered with a tracking code. */
export function PublicDemandNewPage() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<PublicDemandReceipt | null>(null);
  if (receipt) return <DemandReceipt receipt={receipt} onAnother={() => setReceipt(null)} />;
  return (
    <div data-testid="public-demand-new">
      <section className="public-card">
        <h2>{t('publicDemands.new.title')}</h2>
        <p className="pd-intro">{t('publicDemands.new.intro')}</p>
        <Link to={`${PUBLIC_BASE}/d`} className="pd-link" data-testid="demand-go-lookup">
          {t('publicDemands.new.haveCode')}
        </Link>
      </section>
      <DemandForm kind="demand" onSubmitted={setReceipt} />
    </div>
  );
}
