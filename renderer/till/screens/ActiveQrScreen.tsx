import type { AttemptView } from '../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PosMark } from '../../components/PosMark.tsx';
import { QrBox } from '../../components/QrBox.tsx';
import { useNow } from '../../components/useNow.ts';
import { money } from '../../i18n/t.ts';
import { useTill } from '../till-context.ts';
import { useCancel } from '../useCancel.ts';

/** Active pay: the customer scans this QR (also shown, larger, on the customer display). */
export function ActiveQrScreen({ attempt }: { attempt: AttemptView }) {
  const { tr, lang, snapshot } = useTill();
  const { cancel, error, busy } = useCancel();
  const now = useNow();
  const wallet = tr(`wallet.${attempt.wallet}`);
  const secondsLeft = attempt.qr ? Math.max(0, Math.ceil((attempt.qr.expiresAt - now) / 1000)) : 0;
  return (
    // Not a live region: its countdown ticks every second; the outcome is told by the status screen.
    <section className="active-qr">
      <h2>{tr('qr.title', { wallet })}</h2>
      <PosMark pos={snapshot.sale?.pos} lang={lang} />
      <p className="big-amount" data-testid="qr-amount">
        {money(lang, attempt.amountCents + attempt.tipCents, attempt.currency)}
      </p>
      {attempt.qr && (
        <QrBox
          payload={attempt.qr.payload}
          size={240}
          label={tr('customer.qrName', {
            wallet,
            amount: money(lang, attempt.amountCents + attempt.tipCents, attempt.currency),
          })}
          cannotShow={tr('qr.cannotShow')}
        />
      )}
      <p className="countdown" data-testid="countdown">
        {secondsLeft > 0 ? tr('qr.expiresIn', { seconds: secondsLeft }) : tr('qr.expired')}
      </p>
      <button
        type="button"
        className="cancel-button"
        disabled={busy}
        aria-keyshortcuts="Escape"
        onClick={cancel}
      >
        {tr('common.cancel')}
      </button>
      <ErrorNote message={error} />
    </section>
  );
}
