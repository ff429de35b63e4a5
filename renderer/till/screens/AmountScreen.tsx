import { useEffect, useRef, useState } from 'react';
import type { Wallet } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import type { Result } from '../../../shared/result.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Keypad } from '../../components/Keypad.tsx';
import { useAutoFocus } from '../../components/useAutoFocus.ts';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { errorText } from '../../i18n/error-text.ts';
import { money } from '../../i18n/t.ts';
import { amountProblemText } from '../../i18n/words.ts';
import { readDraft, saveDraft } from '../amount-draft.ts';
import { type AmountScanTaker, registerAmountScanTaker } from '../amount-scan.ts';
import { applyKey, cleanAmountText } from '../amount-text.ts';
import { settleHeldKeys } from '../held-keys.ts';
import { run, useTill } from '../till-context.ts';
import { useCustomerDraft } from '../useCustomerDraft.ts';
import { CustomerTipAsk } from './CustomerTipAsk.tsx';
import { PayChoice, WALLET_SHORTCUTS } from './PayChoice.tsx';
import { type TipChoice, TipPicker, tipCents } from './TipPicker.tsx';

/** A retry after a decline keeps the sale's amount: it is a new attempt for the same sale. */
export interface LockedAmount {
  amountCents: number;
  tipCents: number;
}

export function AmountScreen({ locked }: { locked: LockedAmount | null }) {
  const { api, tr, lang, settings, snapshot } = useTill();
  const [text, setText] = useState(() => (locked ? '' : readDraft().text));
  const [tip, setTip] = useState<TipChoice>(() => (locked ? { kind: 'none' } : readDraft().tip));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useAutoFocus<HTMLInputElement>();

  const parsed = locked ? null : parseAmount(text, settings.maxAmountCents);
  const amountCents = locked ? locked.amountCents : parsed?.ok ? parsed.cents : null;
  const tipValue = locked ? locked.tipCents : amountCents === null ? null : tipCents(tip, amountCents);
  const valid = amountCents !== null && tipValue !== null;
  const gatewayDown = snapshot.gateway.state === 'down';
  const fmt = (cents: number) => money(lang, cents, settings.currency);
  useCustomerDraft(locked ? null : amountCents, locked ? null : tipValue);
  // What this screen shows right now: a pay action reads it after the held keys are settled.
  const shown = useRef({ amountCents, tipValue, text, parsed, busy });
  shown.current = { amountCents, tipValue, text, parsed, busy };

  /** Settles held keys, then charges what the screen shows; the answer (a refusal is also shown here). */
  async function charge(
    action: (amountCents: number, tipCents: number) => Promise<Result<unknown>>,
  ): Promise<Result<unknown> | null> {
    settleHeldKeys(); // keys still held by the wedge detector belong to the amount the cashier sees
    const now = shown.current;
    if (now.amountCents === null || now.tipValue === null) {
      const bad =
        now.text !== '' && now.parsed && !now.parsed.ok
          ? amountProblemText(tr, lang, settings.currency, now.parsed)
          : null;
      setError(bad ?? tr('pay.invalid'));
      return null;
    }
    if (now.busy) return null;
    setBusy(true);
    setError(null);
    const result = await action(now.amountCents, now.tipValue);
    setBusy(false);
    if (!result.ok) setError(errorText(tr, result.error));
    return result;
  }
  const payActive = (wallet: Wallet) =>
    charge((amountCents, tipCents) => run(api, 'sale.payActive', { amountCents, tipCents, wallet }));
  const payPassive = () =>
    charge((amountCents, tipCents) => run(api, 'sale.payPassive', { amountCents, tipCents }));

  // Survives leaving this screen (Cancel on the scan screen, another tab): see amount-draft.ts.
  useEffect(() => {
    if (!locked) saveDraft({ text, tip });
  }, [locked, text, tip]);

  // A wallet code scanned here, with an amount entered, is the customer paying that amount.
  const takeScan = useRef<AmountScanTaker>(() => null);
  takeScan.current = (code, timings) => {
    const now = shown.current;
    if (now.amountCents === null || now.tipValue === null || now.busy) return null;
    // A payment that does not start is told on this screen (charge); a refusal of the code, once the
    // sale waits for one (this screen is gone by then), is told by the scanner hook.
    let refused: Result<unknown> | null = null;
    return charge(async (amountCents, tipCents) => {
      const started = await run(api, 'sale.payPassive', { amountCents, tipCents });
      if (!started.ok) return started;
      refused = await run(api, 'sale.submitScan', { code, source: 'wedge', timings });
      return started;
    }).then(() => refused ?? { ok: true, value: null });
  };
  useEffect(() => registerAmountScanTaker((code, timings) => takeScan.current(code, timings)), []);

  /** A tip chosen by its button: back to the amount field, so Enter and W/A/U work as before. */
  const chooseTip = (next: TipChoice) => {
    setTip(next);
    if (next.kind !== 'custom') input.current?.focus();
  };

  useWindowKey((event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLButtonElement || target instanceof HTMLSelectElement) return;
    const inOtherField = target instanceof HTMLInputElement && target !== input.current;
    const key = event.key.toUpperCase();
    if (event.key === 'Enter') {
      event.preventDefault();
      void payPassive();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setText('');
      setTip({ kind: 'none' });
      setError(null);
    } else if (!inOtherField && key === 'S') {
      event.preventDefault();
      void payPassive();
    } else if (!inOtherField) {
      const wallet = settings.wallets.find((w) => WALLET_SHORTCUTS[w] === key);
      if (wallet) {
        event.preventDefault();
        void payActive(wallet);
      }
    }
  });

  return (
    <div className="amount-screen">
      <section className="amount-entry">
        {locked ? (
          <p className="amount-locked" data-testid="locked-amount">
            {tr('amount.lockedLabel')} <strong>{fmt(locked.amountCents)}</strong>
          </p>
        ) : (
          <>
            <label htmlFor="amount" className="amount-label">
              {tr('amount.label')}
            </label>
            <input
              id="amount"
              ref={input}
              className="amount-input"
              inputMode="decimal"
              autoComplete="off"
              placeholder={tr('amount.placeholder')}
              aria-invalid={text !== '' && !parsed?.ok}
              aria-describedby="amount-help"
              value={text}
              onChange={(e) => setText(cleanAmountText(e.target.value))}
            />
            <p id="amount-help" className="hint">
              {text !== '' && parsed && !parsed.ok
                ? amountProblemText(tr, lang, settings.currency, parsed)
                : tr('amount.max', { max: fmt(settings.maxAmountCents) })}
            </p>
            <TipPicker value={tip} onChange={chooseTip} />
            <CustomerTipAsk amountCents={amountCents} onChosen={setTip} />
          </>
        )}
        <p className="amount-total" data-testid="total">
          {valid ? tr('amount.total', { total: fmt((amountCents ?? 0) + (tipValue ?? 0)) }) : '\u00a0'}
        </p>
        {/* Last: a till with a keyboard never needs it, so on a short screen it is what scrolls. */}
        {!locked && (
          <Keypad
            onKey={(key) => setText((prev) => applyKey(prev, key))}
            backLabel={tr('amount.backspace')}
            clearLabel={tr('amount.clear')}
          />
        )}
      </section>
      <PayChoice
        wallets={settings.wallets}
        disabled={busy || gatewayDown}
        onActive={payActive}
        onPassive={payPassive}
      />
      <ErrorNote message={error} />
    </div>
  );
}
