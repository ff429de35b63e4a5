import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { useTill } from '../till-context.ts';
import { useCommandOnce } from '../useCommandOnce.ts';

/**
 * "Next sale" while a payment is not final: the core cancels it (the QR is withdrawn) and keeps
 * resolving it in the background; the amount screen lists it until it is settled.
 */
export function SetAsideButton({ withEnter }: { withEnter: boolean }) {
  const { tr } = useTill();
  const { start: setAside, error, busy } = useCommandOnce('sale.setAside');
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
