// Settings for the customer's side of the counter and accessibility (issue 21): large text, the spoken
// "paid" and its volume, the customer picking the tip on a touch display, the camera as a scanner.
// Saved on their own, with the supervisor's PIN, like the store sync settings.
import { useState } from 'react';
import { CAMERA_SOURCES, type CustomerSideSettings as Values } from '../../../../shared/customer-side.ts';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { run, useTill } from '../../till-context.ts';
import { useSaveWithPin } from '../../useSaveWithPin.ts';
import { PinDialog } from '../PinDialog.tsx';
import { PairCustomerDisplay } from './PairCustomerDisplay.tsx';

export function CustomerSideSettings() {
  const { api, tr, settings } = useTill();
  const [values, setValues] = useState<Values>(settings.customerSide);
  const save = useSaveWithPin();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    save.setNotice(null);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const confirm = save.confirm(
    (pin) => run(api, 'settings.update', { patch: { customerSide: values }, pin }),
    () => tr('settings.saved'),
  );

  const check = (key: 'largeText' | 'speakPaid' | 'customerPicksTip', label: string) => (
    <label className="check">
      <input type="checkbox" checked={values[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  return (
    <fieldset className="customer-side-settings" data-testid="customer-side-settings">
      <legend>{tr('settings.customerSide')}</legend>
      {check('largeText', tr('settings.largeText'))}
      {check('speakPaid', tr('settings.speakPaid'))}
      <label className="field">
        <span>{tr('settings.speakVolume')}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={values.speakVolume}
          aria-valuetext={`${values.speakVolume} %`}
          onChange={(e) => set('speakVolume', Number(e.target.value))}
        />
      </label>
      {check('customerPicksTip', tr('settings.customerPicksTip'))}
      <PairCustomerDisplay />
      <label className="field">
        <span>{tr('settings.camera')}</span>
        <select value={values.camera} onChange={(e) => set('camera', e.target.value as Values['camera'])}>
          {CAMERA_SOURCES.map((c) => (
            <option key={c} value={c}>
              {tr(`camera.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => save.ask('save')}>
        {tr('settings.customerSideSave')}
      </button>
      <SaveOutcome {...save.outcome} />
      {save.asking && <PinDialog title={tr('pin.title')} onConfirm={confirm} onClose={save.cancel} />}
    </fieldset>
  );
}
