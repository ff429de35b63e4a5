// The cashier's quiet word that an update is downloaded and waiting: never a pop-up, never over a
// QR — a line in the header until the till installs it at shift close (or on quit).
import { useTill } from './till-context.ts';

export function UpdateBadge() {
  const { tr, snapshot } = useTill();
  const s = snapshot.updates;
  if (s?.phase !== 'ready' || !s.offeredVersion) return null;
  return (
    <span className="sync" role="status" data-testid="update-badge">
      {tr('updates.badge', { version: s.offeredVersion })}
    </span>
  );
}
