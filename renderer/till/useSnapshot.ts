import { useEffect, useState } from 'react';
import type { TillApi } from '../../shared/contract.ts';
import type { TillSnapshot } from '../../shared/domain.ts';

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
    api.invoke('till.snapshot', {}).then(
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
