// The till's half of pairing the LAN customer display (issue 21): a code the cashier types on the
// display, valid a few minutes. The display that types it becomes the one that answers the tip ask.
import { useState } from 'react';
import { PAIRING_CODE_MS } from '../../../../shared/customer-pairing.ts';
import { errorText } from '../../../i18n/error-text.ts';
import { run, useTill } from '../../till-context.ts';

export function PairCustomerDisplay() {
  const { api, tr, settings } = useTill();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only a display reached over HTTP pairs: the LAN display, or the browser shell's /customer. The
  // Electron customer window is the till's own (its IPC channel needs no pairing).
  if (settings.customerDisplay !== 'browser' && window.till) return null;
  const offer = async () => {
    const result = await run(api, 'customer.pairDisplay', {});
    setError(result.ok ? null : errorText(tr, result.error));
    setCode(result.ok ? result.value.code : null);
  };
  return (
    <div className="customer-pair-till">
      <button type="button" onClick={() => void offer()}>
        {tr('customerPair.button')}
      </button>
      {code && (
        <p role="status" data-testid="customer-pair-code">
          {tr('customerPair.code', {
            code: `${code.slice(0, 3)} ${code.slice(3)}`,
            minutes: PAIRING_CODE_MS / 60_000,
          })}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
