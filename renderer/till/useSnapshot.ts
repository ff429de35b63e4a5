import { useEffect, useState } from 'react';
import type { TillApi } from '../../shared/contract.ts';
import type { TillSnapshot } from '../../shared/domain.ts';
import { takeFirstSnapshot } from './first-snapshot.ts';

/** The core pushes snapshots; the first one is also fetched in case the push came before we listened. */
export function useSnapshot(api: TillApi): { snapshot: TillSnapshot | null; error: string | null } {
  const [snapshot, setSnapshot] = useState<TillSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let pushed = false;
    const off = api.on('till.snapshot', (next) => {
      pushed = true;
      setSnapshot(next);
    });
    // The question main.tsx asked before the first render (first-snapshot.ts), or a new one.
    const early = takeFirstSnapshot(api);
    early?.stop();
    const kept = early?.pushed();
    if (kept) {
      pushed = true;
      setSnapshot(kept);
    }
    (early?.answer ?? api.invoke('till.snapshot', {})).then(
      (result) => {
        if (result.ok && !pushed) setSnapshot(result.value);
        else if (!result.ok) setError(result.error.message);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : 'cannot reach the till core'),
    );
    return off;
  }, [api]);
  return { snapshot, error };
}
