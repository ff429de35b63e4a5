// The till's and the customer's languages, where the customer display shows, sounds, the idle lock,
// shifts, and whether the till starts with the computer.
import { CUSTOMER_LAN_PORT } from '../../../../shared/customer-lan.ts';
import { useTill } from '../../till-context.ts';
import { DraftCheck, DraftLanguage, DraftText } from './draft-inputs.tsx';
import { Field } from './Field.tsx';
import { StartWithComputerField } from './StartWithComputerField.tsx';
import type { SettingsDraft } from './settings-draft.ts';
import type { DraftForm } from './useSettingsForm.ts';

const DISPLAYS = ['window', 'second-screen', 'browser', 'off'] as const;

export function DisplayFields({ form }: { form: DraftForm }) {
  const { tr } = useTill();
  const { draft, set } = form;
  return (
    <fieldset>
      <legend>{tr('settings.groupDisplays')}</legend>
      <DraftLanguage form={form} field="operatorLanguage" label={tr('settings.operatorLanguage')} />
      <DraftLanguage form={form} field="customerLanguage" label={tr('settings.customerLanguage')} />
      <Field label={tr('settings.customerDisplay')}>
        <select
          value={draft.customerDisplay}
          onChange={(e) => set('customerDisplay', e.target.value as SettingsDraft['customerDisplay'])}
        >
          {DISPLAYS.map((d) => (
            <option key={d} value={d}>
              {tr(`display.${d}`)}
            </option>
          ))}
        </select>
      </Field>
      {draft.customerDisplay === 'browser' && (
        <p className="hint" data-testid="lan-display-hint">
          {tr('display.browserHint', { port: CUSTOMER_LAN_PORT })}
        </p>
      )}
      <DraftCheck form={form} field="soundsOn" label={tr('settings.sounds')} />
      <DraftText
        form={form}
        field="idleLockMinutes"
        path="idleLockMinutes"
        label={tr('settings.idleLockMinutes')}
        type="number"
        inputMode="numeric"
      />
      <DraftCheck form={form} field="shiftPerDay" label={tr('settings.shiftPerDay')} />
      <StartWithComputerField value={draft.startWithComputer} onChange={(v) => set('startWithComputer', v)} />
    </fieldset>
  );
}
