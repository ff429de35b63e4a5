// While a till that has just started waits for the network or the scanner, a line says so (and that the
// till connects by itself), instead of an error; it goes for good once both have been there.
import { useEffect, useState } from 'react';
import { startupWaits } from './startup-wait.ts';
import { useTill } from './till-context.ts';

export function StartupWait() {
  const { snapshot, tr } = useTill();
  const waits = startupWaits(snapshot);
  const [over, setOver] = useState(false);
  const ready = waits.length === 0;
  useEffect(() => {
    if (ready) setOver(true);
  }, [ready]);
  if (over || ready) return null;
  return (
    <p className="banner banner-waiting" role="status" data-testid="startup-wait">
      {waits
        .map((w) => (w === 'network' ? tr('startup.waitingNetwork') : tr('startup.waitingScanner')))
        .join(' ')}
    </p>
  );
}
