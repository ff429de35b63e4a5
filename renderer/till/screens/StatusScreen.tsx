import { useState } from 'react';
import type { AttemptView, SaleView } from '../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useNow } from '../../components/useNow.ts';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { errorText } from '../../i18n/error-text.ts';
import { reasonText } from '../../i18n/reason-text.ts';
import { dateTime, money } from '../../i18n/t.ts';
import { failedHeadline } from '../outcome-words.ts';
import { SalePosMark } from '../SalePosMark.tsx';
import { run, useTill } from '../till-context.ts';
import { useCancel } from '../useCancel.ts';
import { useRecheck } from '../useRecheck.ts';
import { SetAsideButton } from './SetAsideButton.tsx';

/** Everything after "charge" except the QR itself: processing, waiting, unknown, paid, declined. */
export function StatusScreen({ sale, onTryAgain }: { sale: SaleView; onTryAgain: () => void }) {
  const attempt = sale.attempt;
  if (sale.phase === 'paid' && attempt) return <PaidStatus attempt={attempt} />;
  if (sale.phase === 'failed' && attempt) return <FailedStatus attempt={attempt} onTryAgain={onTryAgain} />;
  if (attempt) return <LiveStatus attempt={attempt} />;
  return null;
}

function AttemptFacts({ attempt }: { attempt: AttemptView }) {
  const { tr, lang } = useTill();
  return (
    <dl className="facts">
      <dt>{tr('status.amount')}</dt>
      <dd data-testid="status-amount">
        {money(lang, attempt.amountCents + attempt.tipCents, attempt.currency)}
      </dd>
      <dt>{tr('status.wallet')}</dt>
      <dd>{tr(`wallet.${attempt.wallet}`)}</dd>
      <dt>{tr('status.orderId')}</dt>
      <dd data-testid="order-id">{attempt.orderId}</dd>
      {attempt.walletTxnId && (
        <>
          <dt>{tr('status.walletTxn')}</dt>
          <dd data-testid="wallet-txn">{attempt.walletTxnId}</dd>
        </>
      )}
      {attempt.paidAt !== null && (
        <>
          <dt>{tr('status.time')}</dt>
          <dd>{dateTime(lang, attempt.paidAt)}</dd>
        </>
      )}
    </dl>
  );
}

function NewSaleButton() {
  const { api, tr } = useTill();
  const [error, setError] = useState<string | null>(null);
  const start = () =>
    void run(api, 'sale.new', {}).then((r) => setError(r.ok ? null : errorText(tr, r.error)));
  useWindowKey((event) => {
    if (event.target instanceof HTMLButtonElement) return;
    if ((event.key === 'Enter' || event.key === 'Escape') && !event.defaultPrevented) {
      event.preventDefault();
      start();
    }
  });
  return (
    <>
      <button type="button" className="primary" aria-keyshortcuts="Enter" onClick={start}>
        {tr('common.newSale')}
      </button>
      <ErrorNote message={error} />
    </>
  );
}

function PaidStatus({ attempt }: { attempt: AttemptView }) {
  const { tr } = useTill();
  return (
    <section className="status status-paid" role="status">
      <h2 className="status-word">✓ {tr('status.paid')}</h2>
      <SalePosMark />
      <AttemptFacts attempt={attempt} />
      <NewSaleButton />
    </section>
  );
}

function FailedStatus({ attempt, onTryAgain }: { attempt: AttemptView; onTryAgain: () => void }) {
  const { tr } = useTill();
  const word = failedHeadline(tr, attempt);
  return (
    <section className="status status-failed" role="alert">
      <h2 className="status-word">✕ {word}</h2>
      {attempt.reason && (
        <p className="reason" data-testid="reason">
          {reasonText(tr, attempt.reason)}
        </p>
      )}
      <SalePosMark />
      <AttemptFacts attempt={attempt} />
      <div className="row">
        <button type="button" className="primary" onClick={onTryAgain}>
          {tr('status.tryAgain')}
        </button>
        <NewSaleButton />
      </div>
    </section>
  );
}

/**
 * Not terminal yet. "Unknown" never offers to charge again: only to ask OTTPay now, or to set the sale
 * aside (the core keeps resolving it in the background) so the cashier is never stuck on this screen.
 */
function LiveStatus({ attempt }: { attempt: AttemptView }) {
  const { tr } = useTill();
  const now = useNow(1000);
  const { cancel, error, busy } = useCancel();
  const check = useRecheck(attempt.attemptId);
  const seconds = Math.max(0, Math.round((now - attempt.createdAt) / 1000));
  const cancelling = attempt.state === 'cancelling';
  // Active pay without a QR on show (an unusable answer, no answer, 94–97): the customer has nothing
  // to scan, so there is nothing to wait for at the counter.
  const noQr =
    attempt.mode === 'active' &&
    attempt.qr === null &&
    (attempt.state === 'awaiting_customer' || attempt.state === 'unknown');
  const unknown = attempt.state === 'unknown' || cancelling || noQr;
  const headline = noQr
    ? tr('status.noQr')
    : attempt.state === 'unknown'
      ? tr('status.unknown')
      : cancelling
        ? tr('status.cancelling')
        : attempt.state === 'awaiting_customer'
          ? tr('status.waiting')
          : tr('status.processing');
  // The way forward comes first, under the headline: on a small screen it must not be below the fold.
  return (
    <section className={`status status-live status-${attempt.state}`} aria-live="polite" aria-busy="true">
      <h2 className="status-word">{headline}</h2>
      <div className="row">
        <SetAsideButton withEnter={cancelling} />
        {unknown && (
          <button type="button" disabled={check.busy} onClick={check.recheck}>
            {tr('status.checkNow')}
          </button>
        )}
        {!unknown && (
          <button type="button" className="cancel-button" disabled={busy} onClick={cancel}>
            {tr('common.cancel')}
          </button>
        )}
      </div>
      <ErrorNote message={error ?? check.error} />
      {check.feedback && (
        <p className="hint" role="status" data-testid="check-feedback">
          {check.feedback}
        </p>
      )}
      <p className="hint">{tr(noQr ? 'status.noQrHint' : 'status.setAsideHint')}</p>
      <progress aria-label={headline} />
      <p className="elapsed">{tr('status.elapsed', { seconds })}</p>
      {unknown && !noQr && <p className="hint">{tr('status.unknownHint')}</p>}
      {attempt.reason && <p className="reason">{reasonText(tr, attempt.reason)}</p>}
      <SalePosMark />
      <AttemptFacts attempt={attempt} />
    </section>
  );
}
