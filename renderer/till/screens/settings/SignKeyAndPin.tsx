import { useState } from 'react';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { errorText } from '../../../i18n/error-text.ts';
import { run, useTill } from '../../till-context.ts';
import { everyRefusal, useSaveWithPin } from '../../useSaveWithPin.ts';
import { PinDialog } from '../PinDialog.tsx';

/** The sign key goes in and never comes back out; the supervisor PIN is changed with the old one. */
export function SignKeyAndPin() {
  const { api, tr, settings } = useTill();
  const [signKey, setSignKey] = useState('');
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  // Any refusal of the sign key (a malformed key too) is said in the dialog, beside the PIN.
  const save = useSaveWithPin({ staysInDialog: everyRefusal });
  const saveKey = save.confirm(
    (pin) => run(api, 'settings.setSignKey', { signKey: signKey.trim().toUpperCase(), pin }),
    () => {
      setSignKey('');
      return tr('settings.signKeySet');
    },
  );
  // The PIN change carries its own old PIN, so it needs no dialog; it answers on the same card.
  const changePin = async () => {
    const result = await run(api, 'settings.changePin', { oldPin, newPin });
    save.setError(result.ok ? null : errorText(tr, result.error));
    if (result.ok) {
      setOldPin('');
      setNewPin('');
      save.setNotice(tr('settings.pinChanged'));
    }
  };
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);
  return (
    <div className="settings-secrets">
      <fieldset>
        <legend>{tr('settings.signKey')}</legend>
        <p>{settings.signKeySet ? tr('settings.signKeySet') : tr('settings.signKeyUnset')}</p>
        <input
          type="password"
          aria-label={tr('settings.signKey')}
          autoComplete="off"
          value={signKey}
          onChange={(e) => setSignKey(e.target.value)}
        />
        <button type="button" disabled={signKey.trim() === ''} onClick={() => save.ask('save')}>
          {tr('settings.setSignKey')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{tr('settings.changePin')}</legend>
        <label className="field">
          <span>{tr('settings.oldPin')}</span>
          <input
            type="password"
            inputMode="numeric"
            value={oldPin}
            onChange={(e) => setOldPin(digits(e.target.value))}
          />
        </label>
        <label className="field">
          <span>{tr('settings.newPin')}</span>
          <input
            type="password"
            inputMode="numeric"
            value={newPin}
            onChange={(e) => setNewPin(digits(e.target.value))}
          />
        </label>
        <button
          type="button"
          disabled={oldPin.length < 4 || newPin.length < 4}
          onClick={() => void changePin()}
        >
          {tr('settings.changePin')}
        </button>
      </fieldset>
      <SaveOutcome {...save.outcome} />
      {save.asking && (
        <PinDialog title={tr('settings.setSignKey')} onConfirm={saveKey} onClose={save.cancel} />
      )}
    </div>
  );
}
