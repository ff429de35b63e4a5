import { type ReactNode, useState } from 'react';
import { LANGUAGES, type Language } from '../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { run, useTill } from '../till-context.ts';
import { PinDialog } from './PinDialog.tsx';
import { ScannerTest } from './ScannerTest.tsx';
import { SignKeyAndPin } from './SignKeyAndPin.tsx';
import { draftOf, patchOf, type SettingsDraft } from './settings-draft.ts';

const DISPLAYS = ['window', 'second-screen', 'browser', 'off'] as const;

/** Every change is sent as one patch with the supervisor PIN; the sign key is write-only. */
export function SettingsScreen() {
  const { api, tr, settings } = useTill();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof SettingsDraft, label: string, extra?: { inputMode?: 'numeric' | 'url' }) => (
    <Field label={label}>
      <input
        value={String(draft[key])}
        inputMode={extra?.inputMode}
        autoComplete="off"
        onChange={(e) => set(key, e.target.value as never)}
      />
    </Field>
  );
  const check = (key: keyof SettingsDraft, label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={Boolean(draft[key])}
        onChange={(e) => set(key, e.target.checked as never)}
      />
      {label}
    </label>
  );
  const language = (key: 'operatorLanguage' | 'customerLanguage', label: string) => (
    <Field label={label}>
      <select value={draft[key]} onChange={(e) => set(key, e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {tr(`lang.${l}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  const save = async (pin: string): Promise<string | null> => {
    const built = patchOf(settings, draft);
    if ('error' in built) return built.error;
    const result = await run(api, 'settings.update', { patch: built.patch, pin });
    if (!result.ok) return result.error.message;
    setAsking(false);
    setDraft(draftOf(result.value));
    setNotice(tr('settings.saved'));
    return null;
  };
  return (
    <section className="settings">
      <h2>{tr('settings.title')}</h2>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          const built = patchOf(settings, draft);
          if ('error' in built) return setError(built.error);
          setError(null);
          setNotice(null);
          setAsking(true);
        }}
      >
        {language('operatorLanguage', tr('settings.operatorLanguage'))}
        {language('customerLanguage', tr('settings.customerLanguage'))}
        {check('soundsOn', tr('settings.sounds'))}
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
        {text('merchantId', tr('settings.merchantId'))}
        {text('operatorId', tr('settings.operatorId'), { inputMode: 'numeric' })}
        {text('terminalNo', tr('settings.terminalNo'))}
        {text('gatewayUrl', tr('settings.gatewayUrl'), { inputMode: 'url' })}
        {text('maxAmount', tr('settings.maxAmount'))}
        <fieldset>
          <legend>{tr('settings.callback')}</legend>
          {check('callbackEnabled', tr('settings.callbackEnabled'))}
          {text('callbackHost', tr('settings.callbackHost'))}
          {text('callbackPort', tr('settings.callbackPort'), { inputMode: 'numeric' })}
          {text('callbackUrl', tr('settings.callbackUrl'), { inputMode: 'url' })}
        </fieldset>
        <fieldset>
          <legend>{tr('settings.scanners')}</legend>
          {check('serialEnabled', tr('settings.serialEnabled'))}
          {text('serialPath', tr('settings.serialPath'))}
          {check('wedgeEnabled', tr('settings.wedgeEnabled'))}
        </fieldset>
        <button type="submit" className="primary">
          {tr('common.save')}
        </button>
        <ErrorNote message={error} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </form>
      <SignKeyAndPin />
      <ScannerTest />
      {asking && <PinDialog title={tr('pin.title')} onConfirm={save} onClose={() => setAsking(false)} />}
    </section>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child, so the label wraps it
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
