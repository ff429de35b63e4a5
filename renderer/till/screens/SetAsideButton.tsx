import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { clearDraft } from '../amount-draft.ts';
import { useTill } from '../till-context.ts';
import { useCommandOnce } from '../useCommandOnce.ts';

/**
 * "Next sale" while a payment is not final: the core cancels it (the QR is withdrawn) and keeps
 * resolving it in the background; the amount screen lists it until it is settled.
 */
export function SetAsideButton({ withEnter }: { withEnter: boolean }) {
  const { tr } = useTill();
  const { start, error, busy } = useCommandOnce('sale.setAside');
  // The amount keyed for this sale goes aside with it: the next sale starts empty (and the customer
  // display keeps saying "cancelled" until a new amount is keyed), never inviting a second charge.
  // Cleared before asking, so the amount screen the core's answer brings back cannot read it first.
  const setAside = () => {
    clearDraft();
    start();
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
