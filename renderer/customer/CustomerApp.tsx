import { useEffect, useState } from 'react';
import type { CustomerApi } from '../../shared/contract.ts';
import type { CustomerView } from '../../shared/domain.ts';
import { QrBox } from '../components/QrBox.tsx';
import { SandboxBadge } from '../components/SandboxBadge.tsx';
import { money, t } from '../i18n/t.ts';
import { CnyLine } from './CnyLine.tsx';

const IDLE: CustomerView = {
  phase: 'idle',
  amountCents: null,
  currency: 'CAD',
  wallet: null,
  qrPayload: null,
  expiresAt: null,
  language: 'en',
  sandbox: false,
};

/** The customer display: it only listens. No control, no setting, no secret ever reaches it. */
export function CustomerApp({ api }: { api: CustomerApi }) {
  const [view, setView] = useState<CustomerView>(IDLE);
  useEffect(() => api.on('customer.view', setView), [api]);
  const lang = view.language;
  document.documentElement.lang = lang;
  const wallet = view.wallet ? t(lang, `wallet.${view.wallet}`) : null;
  const amount = view.amountCents !== null ? money(lang, view.amountCents, view.currency) : null;
  return (
    <div className={`customer customer-${view.phase} customer-lang-${lang}`} data-phase={view.phase}>
      <SandboxBadge lang={lang} sandbox={view.sandbox} />
      {view.phase === 'idle' && (
        <section className="customer-idle">
          <h1>{t(lang, 'customer.welcome')}</h1>
          <p>{t(lang, 'customer.welcomeHint')}</p>
        </section>
      )}
      {view.phase !== 'idle' && amount && (
        <p className="customer-amount">
          <span className="label">{t(lang, 'customer.amountDue')}</span>
          {lang === 'zh' && <CnyLine view={view} first />}
          <strong data-testid="customer-amount">{amount}</strong>
          {lang !== 'zh' && <CnyLine view={view} />}
        </p>
      )}
      {view.phase === 'qr' && view.qrPayload && (
        <section className="customer-qr">
          <h1>{t(lang, 'customer.scanWith', { wallet: wallet ?? '' })}</h1>
          <QrBox payload={view.qrPayload} size={360} label={wallet ?? 'QR'} />
        </section>
      )}
      {view.phase === 'waiting' && (
        <h1 className="customer-message">
          {t(lang, view.wallet ? 'customer.waiting' : 'customer.showCode')}
        </h1>
      )}
      {view.phase === 'paid' && <h1 className="customer-message customer-ok">{t(lang, 'customer.paid')}</h1>}
      {view.phase === 'declined' && (
        <section className="customer-message customer-bad">
          <h1>{t(lang, 'customer.declined')}</h1>
          <p>{t(lang, 'customer.declinedHint')}</p>
        </section>
      )}
    </div>
  );
}
