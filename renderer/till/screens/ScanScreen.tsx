import { useState } from 'react';
import type { SaleView } from '../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PosMark } from '../../components/PosMark.tsx';
import { useAutoFocus } from '../../components/useAutoFocus.ts';
import { errorText } from '../../i18n/error-text.ts';
import { money } from '../../i18n/t.ts';
import { playCue } from '../../sounds/beeps.ts';
import { judgeCode } from '../scan-code.ts';
import { run, useTill } from '../till-context.ts';
import { useCancel } from '../useCancel.ts';

/**
 * Passive pay: waiting for the customer's payment code. A wedge scanner's keys are caught by the
 * page-wide detector (useWedgeScanner); this field is for a code typed by hand or a scanner that
 * types slowly. Only a wallet code is accepted.
 */
export function ScanScreen({ sale }: { sale: SaleView }) {
  const { api, tr, lang, settings, snapshot } = useTill();
  const picked = snapshot.scanWallet;
  const { cancel, error: cancelError, busy } = useCancel();
  const [code, setCode] = useState('');
  const input = useAutoFocus<HTMLInputElement>();
  const [error, setError] = useState<string | null>(null);
  const verdict = code === '' ? null : judgeCode(code, picked);
  const wallet = verdict?.ok ? verdict.wallet : null;

  const submit = async () => {
    if (!verdict) return;
    if (!verdict.ok) {
      setError(tr(`scanRefusal.${verdict.refusal}`));
      playCue('failure', settings.soundsOn);
      return;
    }
    playCue('scan', settings.soundsOn);
    const result = await run(api, 'sale.submitScan', { code: verdict.code, source: 'manual' });
    setCode('');
    setError(result.ok ? null : errorText(tr, result.error));
  };

  return (
    <section className="scan-screen" aria-live="polite">
      <h2>{tr('scan.title')}</h2>
      <PosMark pos={sale.pos} lang={lang} />
      <p className="big-amount">{money(lang, sale.amountCents + sale.tipCents, sale.currency)}</p>
      <p className="hint">{tr('scan.hint')}</p>
      <label htmlFor="scan-wallet">{tr('scan.walletLabel')}</label>
      <select
        id="scan-wallet"
        value={picked ?? ''}
        onChange={(e) => {
          const wallet = settings.wallets.find((w) => w === e.target.value) ?? null;
          void run(api, 'sale.pickScanWallet', { wallet }).then((r) =>
            setError(r.ok ? null : errorText(tr, r.error)),
          );
        }}
      >
        <option value="">{tr('scan.walletAuto')}</option>
        {settings.wallets.map((w) => (
          <option key={w} value={w}>
            {tr(`wallet.${w}`)}
          </option>
        ))}
      </select>
      <label htmlFor="scan-code">{tr('scan.manualLabel')}</label>
      <input
        id="scan-code"
        className="scan-input"
        inputMode="text"
        autoComplete="off"
        ref={input}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/[^A-Za-z0-9+/=]/g, '').slice(0, 512))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <p className="detected" data-testid="detected-wallet">
        {wallet ? tr('scan.detected', { wallet: tr(`wallet.${wallet}`) }) : '\u00a0'}
      </p>
      <div className="row">
        <button type="button" onClick={() => void submit()} disabled={code === ''}>
          {tr('scan.submit')}
        </button>
        <button type="button" className="cancel-button" disabled={busy} onClick={cancel}>
          {tr('common.cancel')}
        </button>
      </div>
      <ErrorNote message={error ?? cancelError} />
    </section>
  );
}
