import { type ReactNode, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CustomerApi } from '../../shared/contract.ts';
import type { CustomerView, Language } from '../../shared/domain.ts';
import { PosMark } from '../components/PosMark.tsx';
import { QrBox } from '../components/QrBox.tsx';
import { SandboxBadge } from '../components/SandboxBadge.tsx';
import { useConnection } from '../components/useConnection.ts';
import { useNow } from '../components/useNow.ts';
import { type MessageKey, money, t } from '../i18n/t.ts';
import { CnyLine } from './CnyLine.tsx';
import { PairDisplay } from './PairDisplay.tsx';
import { isTouchDisplay, TipAsk } from './TipAsk.tsx';
import { warmQrEncoder, whenIdle } from './warm-qr.tsx';

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
  const connected = useConnection(api) === 'open';
  // Rendered in the task that brought the view, not in one React schedules after it: a QR arriving
  // just before a frame is then in that frame, not the next one.
  useEffect(() => api.on('customer.view', (next) => flushSync(() => setView(next))), [api]);
  useEffect(() => whenIdle(warmQrEncoder), []);
  const lang = view.language;
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // A display that lost the till must not keep offering a QR nobody is watching any more.
  if (!connected) {
    return (
      <main className="customer customer-disconnected" data-phase="disconnected">
        <section className="customer-message" role="alert">
          <h1>{t(lang, 'customer.tillDown')}</h1>
          <p>{t(lang, 'customer.cancelledHint')}</p>
        </section>
      </main>
    );
  }
  return (
    <main className={`customer customer-${view.phase} customer-lang-${lang}`} data-phase={view.phase}>
      <SandboxBadge lang={lang} sandbox={view.sandbox} />
      {view.tipAsk && api.choose && isTouchDisplay() ? (
        <TipAsk ask={view.tipAsk} lang={lang} currency={view.currency} choose={api.choose} />
      ) : view.phase === 'qr' && view.qrPayload ? (
        <QrPhase view={view} />
      ) : (
        <Live>
          <Message view={view} />
        </Live>
      )}
      {view.pairing === 'unpaired' && api.pair && isTouchDisplay() && !view.qrPayload && (
        <PairDisplay lang={lang} pair={api.pair} />
      )}
    </main>
  );
}

/**
 * What a screen reader reads out when the display changes (a polite live region): the state's words and
 * the amount, never the countdown's ticking. Laid out as if it were not there (display: contents).
 */
function Live({ children }: { children: ReactNode }) {
  return (
    <div className="customer-live" role="status" data-testid="customer-status">
      {children}
    </div>
  );
}

/** `heading`: the amount is the screen's subject (the keyed total), so its label is the page's h1. */
function Amount({
  view,
  label,
  heading = false,
}: {
  view: CustomerView;
  label: MessageKey;
  heading?: boolean;
}) {
  if (view.amountCents === null) return null;
  const Label = heading ? 'h1' : 'span';
  const Box = heading ? 'div' : 'p';
  return (
    <Box className="customer-amount">
      <Label className="label">{t(view.language, label)}</Label>
      {view.language === 'zh' && <CnyLine view={view} first />}
      <strong data-testid="customer-amount">{money(view.language, view.amountCents, view.currency)}</strong>
      {view.language !== 'zh' && <CnyLine view={view} />}
      <PosMark pos={view.pos} lang={view.language} />
    </Box>
  );
}

/** The QR beside (landscape) or above (portrait) the words: sized by the screen so it is always whole. */
function QrPhase({ view }: { view: CustomerView }) {
  const lang = view.language;
  const wallet = view.wallet ? t(lang, `wallet.${view.wallet}`) : 'QR';
  const now = useNow(500);
  const seconds = view.expiresAt === null ? null : Math.max(0, Math.ceil((view.expiresAt - now) / 1000));
  return (
    <section className="customer-qr">
      <div className="customer-qr-code">
        <QrBox
          payload={view.qrPayload ?? ''}
          size={360}
          label={qrName(view, wallet)}
          cannotShow={t(lang, 'customer.qrCannotShow')}
        />
      </div>
      <div className="customer-qr-words">
        <Live>
          <h1>{t(lang, 'customer.scanWith', { wallet })}</h1>
          <Amount view={view} label="customer.amountDue" />
        </Live>
        {seconds !== null && (
          <p className="customer-countdown" data-testid="customer-countdown">
            {t(lang, 'customer.expiresIn', { seconds })}
          </p>
        )}
      </div>
    </section>
  );
}

/** What a screen reader calls the QR: "QR code, WeChat Pay, $23.45". */
function qrName(view: CustomerView, wallet: string): string {
  const amount = view.amountCents === null ? '' : money(view.language, view.amountCents, view.currency);
  return t(view.language, 'customer.qrName', { wallet, amount });
}

/** One message per state. */
function Message({ view }: { view: CustomerView }) {
  const lang: Language = view.language;
  switch (view.phase) {
    case 'idle':
    case 'qr':
      return (
        <section className="customer-idle">
          <h1>{t(lang, 'customer.welcome')}</h1>
          <p>{t(lang, 'customer.welcomeHint')}</p>
        </section>
      );
    case 'entering':
      return <Amount view={view} label="customer.total" heading />;
    case 'waiting':
      return (
        <>
          <Amount view={view} label="customer.amountDue" />
          <h1 className="customer-message">
            {t(lang, view.wallet ? 'customer.waiting' : 'customer.showCode')}
          </h1>
        </>
      );
    case 'checking':
      return (
        <>
          <Amount view={view} label="customer.amountDue" />
          <h1 className="customer-message">{t(lang, 'customer.checking')}</h1>
        </>
      );
    case 'cancelled':
      return (
        <section className="customer-message customer-bad">
          <h1>{t(lang, 'customer.cancelled')}</h1>
          <p>{t(lang, 'customer.cancelledHint')}</p>
        </section>
      );
    case 'paid':
      return (
        <>
          <Amount view={view} label="customer.amountPaid" />
          <h1 className="customer-message customer-ok">{t(lang, 'customer.paid')}</h1>
        </>
      );
    case 'declined':
      return (
        <>
          <Amount view={view} label="customer.amountDue" />
          <section className="customer-message customer-bad">
            <h1>{t(lang, 'customer.declined')}</h1>
            <p>{t(lang, 'customer.declinedHint')}</p>
          </section>
        </>
      );
    default: {
      const never: never = view.phase;
      return never;
    }
  }
}
