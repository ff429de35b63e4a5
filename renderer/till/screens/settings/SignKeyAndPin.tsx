import { useState } from 'react';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { errorText } from '../../../i18n/error-text.ts';
import { run, useTill } from '../../till-context.ts';
import { PinDialog } from '../PinDialog.tsx';

/** The sign key goes in and never comes back out; the supervisor PIN is changed with the old one. */
export function SignKeyAndPin() {
  const { api, tr, settings } = useTill();
  const [signKey, setSignKey] = useState('');
  const [asking, setAsking] = useState(false);
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saveKey = async (pin: string): Promise<string | null> => {
    const result = await run(api, 'settings.setSignKey', { signKey: signKey.trim().toUpperCase(), pin });
    if (!result.ok) return errorText(tr, result.error);
    setSignKey('');
    setAsking(false);
    setNotice(tr('settings.signKeySet'));
    return null;
  };
  const changePin = async () => {
    const result = await run(api, 'settings.changePin', { oldPin, newPin });
    setError(result.ok ? null : errorText(tr, result.error));
    if (result.ok) {
      setOldPin('');
      setNewPin('');
      setNotice(tr('settings.pinChanged'));
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
        <button type="button" disabled={signKey.trim() === ''} onClick={() => setAsking(true)}>
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
      <SaveOutcome error={error} notice={notice} />
      {asking && (
        <PinDialog title={tr('settings.setSignKey')} onConfirm={saveKey} onClose={() => setAsking(false)} />
      )}
    </div>
  );
}
