import { useState } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { timeOfDay } from '../i18n/t.ts';
import { run, useTill } from './till-context.ts';

/**
 * "Check now" on an attempt whose outcome is unknown: asks OTTPay at once and says so — the time it
 * last asked, or why it could not — so a press never looks like it did nothing.
 */
export function useRecheck(attemptId: string): {
  recheck: () => void;
  busy: boolean;
  feedback: string | null;
  error: string | null;
} {
  const { api, tr, lang } = useTill();
  const [busy, setBusy] = useState(false);
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recheck = () => {
    if (busy) return;
    setBusy(true);
    void run(api, 'attempt.recheck', { attemptId }).then((r) => {
      setBusy(false);
      setError(r.ok ? null : errorText(tr, r.error));
      if (r.ok) setAskedAt(Date.now());
    });
  };
  const feedback = askedAt === null ? null : tr('status.checkSent', { time: timeOfDay(lang, askedAt) });
  return { recheck, busy, feedback, error };
}
