import { useState } from 'react';
import { useWindowKey } from '../components/useWindowKey.ts';
import { errorText } from '../i18n/error-text.ts';
import { run, useTill } from './till-context.ts';

/** Cancel the live attempt (button or Esc). The core keeps resolving it with OTTPay afterwards. */
export function useCancel(): { cancel: () => void; error: string | null; busy: boolean } {
  const { api, tr } = useTill();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = () => {
    if (busy) return;
    setBusy(true);
    void run(api, 'sale.cancel', {}).then((result) => {
      setBusy(false);
      setError(result.ok ? null : errorText(tr, result.error));
    });
  };
  useWindowKey((event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      cancel();
    }
  });
  return { cancel, error, busy };
}
