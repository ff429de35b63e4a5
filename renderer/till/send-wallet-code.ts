// One path for a wallet code from any scanner on the page (the keyboard wedge, the camera): the wallet
// rules (judgeCode) with their cue and notice, then the amount screen's start or the waiting sale —
// never a field. Each scanner handles the core's answer itself.
import type { Result } from '../../shared/result.ts';
import { playCue } from '../sounds/beeps.ts';
import { offerScanToAmountScreen } from './amount-scan.ts';
import { judgeCode } from './scan-code.ts';
import { run, type TillContextValue } from './till-context.ts';

/** The core's answer, or null when the code was refused here (its notice already shown). */
export function sendWalletCode(
  c: TillContextValue,
  code: string,
  notify: (message: string | null) => void,
  timings?: number[],
): Promise<Result<unknown>> | null {
  const verdict = judgeCode(code, c.snapshot.scanWallet);
  if (!verdict.ok) {
    playCue('failure', c.settings.soundsOn);
    notify(c.tr(`scanRefusal.${verdict.refusal}`));
    return null;
  }
  playCue('scan', c.settings.soundsOn);
  notify(null);
  // On the amount screen with an amount entered, the code pays that amount (amount-scan.ts).
  return (
    offerScanToAmountScreen(verdict.code, timings ?? []) ??
    run(c.api, 'sale.submitScan', { code: verdict.code, source: 'wedge', ...(timings ? { timings } : {}) })
  );
}
