// The scanners: the serial scanner's port (picked from the ports the core finds, or typed), its line
// settings and framing, and the keyboard-wedge scanner.
import { useCallback, useEffect, useState } from 'react';
import type { PortInfo } from '../../../../shared/contract.ts';
import { ErrorNote } from '../../../components/ErrorNote.tsx';
import { run, useTill } from '../../till-context.ts';
import { DraftCheck, DraftText } from './draft-inputs.tsx';
import { Field } from './Field.tsx';
import { BAUD_RATES, FRAMINGS, type SettingsDraft } from './settings-draft.ts';
import type { DraftForm } from './useSettingsForm.ts';

export function ScannerFields({ form }: { form: DraftForm }) {
  const { api, tr } = useTill();
  const { draft, set, invalid } = form;
  const [ports, setPorts] = useState<PortInfo[] | null>(null);
  const [portsError, setPortsError] = useState<string | null>(null);
  const refreshPorts = useCallback(async () => {
    const result = await run(api, 'scanner.listPorts', {});
    setPortsError(result.ok ? null : result.error.message);
    setPorts(result.ok ? result.value : []);
  }, [api]);
  useEffect(() => {
    void refreshPorts();
  }, [refreshPorts]);
  const portListed = ports?.some((p) => p.path === draft.serialPath) ?? false;
  return (
    <fieldset className="settings-scanners">
      <legend>{tr('settings.scanners')}</legend>
      <DraftCheck form={form} field="serialEnabled" label={tr('settings.serialEnabled')} />
      <div className="port-row">
        <Field label={tr('settings.serialPath')}>
          <select
            value={portListed ? draft.serialPath : ''}
            aria-invalid={invalid('scanners.serial.path')}
            onChange={(e) => {
              if (e.target.value !== '') set('serialPath', e.target.value);
            }}
          >
            <option value="">{tr('settings.portOther')}</option>
            {(ports ?? []).map((p) => (
              <option key={p.path} value={p.path}>
                {p.manufacturer ? `${p.path} — ${p.manufacturer}` : p.path}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" onClick={() => void refreshPorts()}>
          {tr('settings.refreshPorts')}
        </button>
      </div>
      {ports?.length === 0 && <p className="hint">{tr('settings.noPorts')}</p>}
      <ErrorNote message={portsError && tr('settings.portsFailed', { detail: portsError })} />
      <DraftText
        form={form}
        field="serialPath"
        path="scanners.serial.path"
        label={tr('settings.serialPathOther')}
      />
      <div className="pair">
        <Field label={tr('settings.baudRate')}>
          <select
            value={draft.serialBaudRate}
            onChange={(e) => set('serialBaudRate', Number(e.target.value))}
          >
            {/* A rate set elsewhere (the contract allows more) stays selectable. */}
            {[...new Set([...BAUD_RATES, draft.serialBaudRate])].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tr('settings.framing')}>
          <select
            value={draft.serialFraming}
            onChange={(e) => set('serialFraming', e.target.value as SettingsDraft['serialFraming'])}
          >
            {FRAMINGS.map((f) => (
              <option key={f} value={f}>
                {f === 'none' ? tr('settings.framingNone') : f}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="pair">
        <DraftText
          form={form}
          field="serialPrefix"
          path="scanners.serial.prefix"
          label={tr('settings.prefix')}
        />
        <DraftText
          form={form}
          field="serialSuffix"
          path="scanners.serial.suffix"
          label={tr('settings.suffix')}
        />
      </div>
      <DraftCheck form={form} field="wedgeEnabled" label={tr('settings.wedgeEnabled')} />
    </fieldset>
  );
}
