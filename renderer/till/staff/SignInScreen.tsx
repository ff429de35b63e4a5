import { useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PinInput } from '../../components/PinInput.tsx';
import { useAutoFocus } from '../../components/useAutoFocus.ts';
import { errorText } from '../../i18n/error-text.ts';
import { run, useTill } from '../till-context.ts';

/** The lock screen: a cashier signs in with their PIN alone (PINs are unique on a till). */
export function SignInScreen() {
  const { api, tr } = useTill();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useAutoFocus<HTMLInputElement>();
  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const r = await run(api, 'staff.signIn', { pin });
    setBusy(false);
    setPin('');
    if (!r.ok) {
      setError(errorText(tr, r.error));
      input.current?.focus();
    }
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{tr('signin.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="sign-in-pin">{tr('signin.pin')}</label>
        <PinInput id="sign-in-pin" value={pin} onChange={setPin} inputRef={input} />
        <button type="submit" className="primary" disabled={busy || pin.length < 4}>
          {tr('signin.submit')}
        </button>
      </form>
      <p className="hint">{tr('signin.hint')}</p>
      <ErrorNote message={error} />
    </section>
  );
}
