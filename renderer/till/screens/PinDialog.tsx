import { type ReactNode, useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PinInput } from '../../components/PinInput.tsx';
import { useAutoFocus } from '../../components/useAutoFocus.ts';
import { useWindowKey } from '../../components/useWindowKey.ts';
import { useTill } from '../till-context.ts';

/**
 * Supervisor actions (refund, override, settings) ask for the PIN here. The core checks it; this
 * dialog only collects it. `onConfirm` answers an error message to show, or null when done.
 */
export function PinDialog(props: {
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  onConfirm: (pin: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { tr } = useTill();
  const [pin, setPin] = useState('');
  const input = useAutoFocus<HTMLInputElement>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Esc closes the dialog wherever focus is (its own fields, the backdrop, the page behind it).
  useWindowKey((event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    props.onClose();
  });
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const message = await props.onConfirm(pin);
    setBusy(false);
    if (message) {
      setError(message);
      setPin('');
    }
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="pin-dialog-title">
        <h2 id="pin-dialog-title">{props.title}</h2>
        {props.children}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <label htmlFor="supervisor-pin">{tr('pin.label')}</label>
          <PinInput id="supervisor-pin" value={pin} onChange={setPin} inputRef={input} />
          <div className="row">
            <button type="submit" className="primary" disabled={busy || pin.length < 4}>
              {props.confirmLabel ?? tr('pin.confirm')}
            </button>
            <button type="button" onClick={props.onClose}>
              {tr('common.cancel')}
            </button>
          </div>
        </form>
        <ErrorNote message={error} />
      </div>
    </div>
  );
}
