import { useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { errorText } from '../../i18n/error-text.ts';
import { run, useTill } from '../till-context.ts';

/**
 * "Next sale" while a payment is not final: the core cancels it (the QR is withdrawn) and keeps
 * resolving it in the background; the amount screen lists it until it is settled.
 */
export function SetAsideButton({ withEnter }: { withEnter: boolean }) {
  const { api, tr } = useTill();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setAside = () => {
    if (busy) return;
    setBusy(true);
    void run(api, 'sale.setAside', {}).then((r) => {
      setBusy(false);
      setError(r.ok ? null : errorText(tr, r.error));
    });
  };
  useWindowKey((event) => {
    if (!withEnter || event.defaultPrevented || event.target instanceof HTMLButtonElement) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setAside();
    }
  });
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={busy}
        aria-keyshortcuts={withEnter ? 'Enter' : undefined}
        onClick={setAside}
      >
        {tr('status.setAside')}
      </button>
      <ErrorNote message={error} />
    </>
  );
}
