import { useWindowKey } from '../../components/useWindowKey.ts';
import { run, useTill } from '../till-context.ts';

/** Who is signed in, and the lock button; F2 locks from anywhere (then a PIN and Enter sign in). */
export function CashierBadge() {
  const { api, tr, snapshot } = useTill();
  const cashier = snapshot.staff.cashier;
  const lock = () => void run(api, 'staff.signOut', {});
  useWindowKey((e) => {
    if (e.key === 'F2' && cashier) {
      e.preventDefault();
      lock();
    }
  });
  if (!cashier) return null;
  return (
    <span className="cashier">
      <span data-testid="cashier-name">{tr('staff.signedInAs', { name: cashier.name })}</span>{' '}
      <button type="button" onClick={lock}>
        {tr('staff.lock')}
      </button>
    </span>
  );
}
