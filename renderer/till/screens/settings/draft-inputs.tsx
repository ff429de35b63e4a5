// The settings form's plain inputs, each bound to one field of the draft: a text box, a tick box and
// a language list. Fields with choices of their own are written out in their group.
import { LANGUAGES, type Language } from '../../../../shared/domain.ts';
import { useTill } from '../../till-context.ts';
import { Field } from './Field.tsx';
import type { SettingsDraft } from './settings-draft.ts';
import type { DraftForm } from './useSettingsForm.ts';

export function DraftText(props: {
  form: DraftForm;
  field: keyof SettingsDraft;
  /** The field's settings path, as the core names it when it refuses the value. */
  path: string;
  label: string;
  inputMode?: 'numeric' | 'url' | 'decimal';
  type?: 'number';
}) {
  const { draft, set, invalid } = props.form;
  return (
    <Field label={props.label}>
      <input
        type={props.type}
        value={String(draft[props.field])}
        inputMode={props.inputMode}
        autoComplete="off"
        aria-invalid={invalid(props.path)}
        onChange={(e) => set(props.field, e.target.value as never)}
      />
    </Field>
  );
}

export function DraftCheck(props: { form: DraftForm; field: keyof SettingsDraft; label: string }) {
  const { draft, set } = props.form;
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={Boolean(draft[props.field])}
        onChange={(e) => set(props.field, e.target.checked as never)}
      />
      {props.label}
    </label>
  );
}

export function DraftLanguage(props: {
  form: DraftForm;
  field: 'operatorLanguage' | 'customerLanguage';
  label: string;
}) {
  const { tr } = useTill();
  const { draft, set } = props.form;
  return (
    <Field label={props.label}>
      <select value={draft[props.field]} onChange={(e) => set(props.field, e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {tr(`lang.${l}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
