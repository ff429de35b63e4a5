import { useEffect, useRef } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { playCue } from '../sounds/beeps.ts';
import type { TillContextValue } from './till-context.ts';

/**
 * A scanner's scan the core refused (a used code, a product barcode while paying, a wallet code with
 * no payment waiting): the cashier hears the failure cue and reads why, in the operator's language.
 * Codes the page submits itself get their refusal as the command's answer instead.
 */
export function useScanRefusals(
  ctx: TillContextValue,
  onNotice: (message: string) => void,
  onReceipt: (orderId: string) => void,
): void {
  const latest = useRef({ ctx, onNotice, onReceipt });
  latest.current = { ctx, onNotice, onReceipt };
  const { api } = ctx;
  useEffect(
    () =>
      api.on('scan.refused', (event) => {
        const { ctx: c, onNotice: notify } = latest.current;
        // A receipt's QR read by a scanner the core reads: open that payment.
        const orderId = event.error.params?.orderId;
        if (event.error.reason === 'receipt' && typeof orderId === 'string') {
          latest.current.onReceipt(orderId);
          return;
        }
        playCue('failure', c.settings.soundsOn);
        notify(errorText(c.tr, event.error));
      }),
    [api],
  );
}
