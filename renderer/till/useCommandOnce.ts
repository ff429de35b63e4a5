import { useState } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { run, useTill } from './till-context.ts';

/** A button's command with no request: one at a time (busy), and the refusal as a message. */
export function useCommandOnce(name: 'sale.cancel' | 'sale.setAside'): {
  start: () => void;
  error: string | null;
  busy: boolean;
} {
  const { api, tr } = useTill();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = () => {
    if (busy) return;
    setBusy(true);
    void run(api, name, {}).then((result) => {
      setBusy(false);
      setError(result.ok ? null : errorText(tr, result.error));
    });
  };
  return { start, error, busy };
}
