import { useEffect, useRef } from 'react';
import { orderIdFromReceiptCode } from '../../shared/scanning/receipt-code.ts';
import { type WedgeDecision, WedgeDetector } from '../../shared/scanning/wedge-detector.ts';
import { errorText } from '../i18n/error-text.ts';
import { playCue } from '../sounds/beeps.ts';
import { registerHeldKeySettler } from './held-keys.ts';
import { replayed, replayKeys, retractKeys } from './replay-keys.ts';
import { sendWalletCode } from './send-wallet-code.ts';
import type { TillContextValue } from './till-context.ts';

/**
 * A keyboard-wedge scanner types a code in tens of milliseconds into whatever has focus. This hook
 * sees every key first (capture phase), holds keys the detector is unsure of, gives a person's keys
 * back to the focused field, and sends a recognised wallet code to the core — never to a field.
 */
export function useWedgeScanner(
  ctx: TillContextValue,
  onNotice: (message: string | null) => void,
  onReceipt: (orderId: string) => void,
): void {
  const latest = useRef({ ctx, onNotice, onReceipt });
  latest.current = { ctx, onNotice, onReceipt };
  const enabled = ctx.settings.scanners.wedge.enabled;

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector({}, { canRetract: true }); // replay-keys.ts takes text back
    let timer: ReturnType<typeof setTimeout> | null = null;

    const onScan = (code: string, timings: number[]) => {
      const { ctx: c, onNotice: notify } = latest.current;
      // The QR of one of our receipts opens that payment; it is never a payment code.
      const receiptOf = orderIdFromReceiptCode(code);
      if (receiptOf) {
        playCue('scan', c.settings.soundsOn);
        notify(null);
        latest.current.onReceipt(receiptOf);
        return;
      }
      const answer = sendWalletCode(c, code, notify, timings);
      if (!answer) return;
      void answer.then((r) => {
        if (!r.ok) {
          playCue('failure', latest.current.ctx.settings.soundsOn);
          latest.current.onNotice(errorText(latest.current.ctx.tr, r.error));
        }
      });
    };
    const apply = (decisions: WedgeDecision[]) => {
      for (const d of decisions) {
        if (d.type === 'release') replayKeys(d.keys);
        else if (d.type === 'retract') retractKeys(d.keys);
        else if (d.type === 'consume') onScan(d.scan.code, d.scan.gaps);
      }
      schedule();
    };
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const deadline = detector.nextDeadline();
      if (deadline === null) return;
      timer = setTimeout(
        () => apply(detector.tick(performance.now())),
        Math.max(0, deadline - performance.now()) + 5,
      );
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (replayed.has(event) || event.repeat || event.isComposing) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      // Date pickers and selects take keys a replay cannot re-type, and can never hold a wallet code.
      const target = event.target;
      if (
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement && target.type === 'date')
      )
        return;
      // Space on a button or checkbox activates it: settle what is held, then let it through (no
      // scanner types a space into a wallet code).
      if (event.key === ' ' && activatedBySpace(target)) {
        apply(detector.flush());
        return;
      }
      const key = { t: event.timeStamp, key: event.key, code: event.code };
      const decisions = detector.feed(key);
      const fate = decisions.find((d) => (d.type === 'hold' || d.type === 'pass') && d.key === key);
      if (fate?.type === 'hold') {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      apply(decisions);
    };
    const settleNow = () => apply(detector.flush());
    // A press of the pointer moves focus away from the field the held keys were typed into, and may
    // be a pay button: they go to that field first.
    window.addEventListener('pointerdown', settleNow, true);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('blur', settleNow);
    const unregister = registerHeldKeySettler(settleNow);
    return () => {
      unregister();
      window.removeEventListener('pointerdown', settleNow, true);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('blur', settleNow);
      if (timer !== null) clearTimeout(timer);
    };
  }, [enabled]);
}

function activatedBySpace(target: EventTarget | null): boolean {
  if (target instanceof HTMLButtonElement) return true;
  if (target instanceof HTMLInputElement)
    return ['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLElement && ['button', 'checkbox', 'switch'].includes(target.role ?? '');
}
