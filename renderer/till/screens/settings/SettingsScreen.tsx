import { useCallback, useEffect, useState } from 'react';
import type { PortInfo } from '../../../../shared/contract.ts';
import { CUSTOMER_LAN_PORT } from '../../../../shared/customer-lan.ts';
import { LANGUAGES, type Language, WALLETS } from '../../../../shared/domain.ts';
import { CURRENCIES, type Currency } from '../../../../shared/money.ts';
import { ErrorNote } from '../../../components/ErrorNote.tsx';
import { errorText } from '../../../i18n/error-text.ts';
import { run, useTill } from '../../till-context.ts';
import { PinDialog } from '../PinDialog.tsx';
import { AboutUpdates } from './AboutUpdates.tsx';
import { CustomerSideSettings } from './CustomerSideSettings.tsx';
import { Field } from './Field.tsx';
import { PosApiSettings } from './PosApiSettings.tsx';
import { ReceiptTestPage } from './ReceiptTestPage.tsx';
import { ScannerTest } from './ScannerTest.tsx';
import { SignKeyAndPin } from './SignKeyAndPin.tsx';
import { StartWithComputerField } from './StartWithComputerField.tsx';
import { StoreSyncSettings } from './StoreSyncSettings.tsx';
import {
  AFTER_PAID,
  BAUD_RATES,
  draftOf,
  FIELDS,
  FRAMINGS,
  PRINTERS,
  patchOf,
  refusedField,
  type SettingsDraft,
  TIP_PRESET_SLOTS,
} from './settings-draft.ts';

const DISPLAYS = ['window', 'second-screen', 'browser', 'off'] as const;

/** Every change is sent as one patch with the supervisor PIN; the sign key is write-only. */
export function SettingsScreen() {
  const { api, tr, settings } = useTill();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalidPath, setInvalidPath] = useState<string | null>(null);
  // A flag, not text: a save that switches the operator language shows the notice in the new one.
  const [saved, setSaved] = useState(false);
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

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const invalid = (path: string) => (invalidPath === path ? true : undefined);
  const text = (
    key: keyof SettingsDraft,
    path: string | null,
    label: string,
    extra?: { inputMode?: 'numeric' | 'url' | 'decimal'; type?: 'number' },
  ) => (
    <Field label={label}>
      <input
        type={extra?.type}
        value={String(draft[key])}
        inputMode={extra?.inputMode}
        autoComplete="off"
        aria-invalid={path ? invalid(path) : undefined}
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
  const showRefusal = (message: string) => {
    const refused = refusedField(message);
    const label = refused && FIELDS.find((f) => f.path === refused.path)?.label;
    setInvalidPath(refused?.path ?? null);
    setError(
      tr('settings.saveFailed', { message: refused && label ? `${tr(label)}: ${refused.reason}` : message }),
    );
  };
  const save = async (pin: string): Promise<string | null> => {
    const built = patchOf(settings, draft);
    if ('error' in built) return built.error;
    const result = await run(api, 'settings.update', { patch: built.patch, pin });
    if (!result.ok) {
      // A wrong PIN is for the dialog; a refused value belongs next to the form.
      if (result.error.code !== 'VALIDATION') return errorText(tr, result.error);
      setAsking(false);
      showRefusal(result.error.message);
      return null;
    }
    setAsking(false);
    setDraft(draftOf(result.value));
    setError(null);
    setInvalidPath(null);
    setSaved(true);
    return null;
  };
  const portListed = ports?.some((p) => p.path === draft.serialPath) ?? false;
  const toggleWallet = (wallet: (typeof WALLETS)[number], on: boolean) =>
    set('wallets', on ? [...draft.wallets, wallet] : draft.wallets.filter((w) => w !== wallet));
  return (
    <section className="settings">
      <h2>{tr('settings.title')}</h2>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const built = patchOf(settings, draft);
          if ('error' in built) return setError(tr('settings.saveFailed', { message: built.error }));
          setError(null);
          setInvalidPath(null);
          setSaved(false);
          setAsking(true);
        }}
      >
        <fieldset>
          <legend>{tr('settings.groupMerchant')}</legend>
          {text('merchantId', 'merchantId', tr('settings.merchantId'))}
          {text('operatorId', 'operatorId', tr('settings.operatorId'), { inputMode: 'numeric' })}
          {text('terminalNo', 'terminalNo', tr('settings.terminalNo'))}
          {text('gatewayUrl', 'gatewayUrl', tr('settings.gatewayUrl'), { inputMode: 'url' })}
        </fieldset>
        <fieldset>
          <legend>{tr('settings.groupSale')}</legend>
          <Field label={tr('settings.currency')}>
            <select value={draft.currency} onChange={(e) => set('currency', e.target.value as Currency)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          {text('maxAmount', 'maxAmountCents', tr('settings.maxAmount'), { inputMode: 'decimal' })}
          {text('maxTipPercent', 'maxTipPercent', tr('settings.maxTipPercent'), { inputMode: 'numeric' })}
          <fieldset className="inline-group" aria-invalid={invalid('tipPresetsPercent')}>
            <legend>{tr('settings.tipPresets')}</legend>
            {Array.from({ length: TIP_PRESET_SLOTS }, (_, i) => (
              <input
                // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed positions
                key={i}
                type="number"
                inputMode="numeric"
                className="tip-slot"
                aria-label={tr('settings.tipPreset', { n: i + 1 })}
                value={draft.tipPresets[i] ?? ''}
                onChange={(e) =>
                  set(
                    'tipPresets',
                    draft.tipPresets.map((t, j) => (j === i ? e.target.value : t)),
                  )
                }
              />
            ))}
          </fieldset>
          <fieldset className="inline-group" aria-invalid={invalid('wallets')}>
            <legend>{tr('settings.wallets')}</legend>
            {WALLETS.map((w) => {
              const on = draft.wallets.includes(w);
              return (
                <label key={w} className="check">
                  <input
                    type="checkbox"
                    checked={on}
                    // The last offered wallet cannot be unticked: a till must offer one.
                    disabled={on && draft.wallets.length === 1}
                    onChange={(e) => toggleWallet(w, e.target.checked)}
                  />
                  {tr(`wallet.${w}`)}
                </label>
              );
            })}
            <p className="hint">{tr('settings.walletsHint')}</p>
          </fieldset>
          {text('qrExpirySeconds', 'qrExpirySeconds', tr('settings.qrExpiry'), {
            type: 'number',
            inputMode: 'numeric',
          })}
        </fieldset>
        <fieldset>
          <legend>{tr('settings.groupDisplays')}</legend>
          {language('operatorLanguage', tr('settings.operatorLanguage'))}
          {language('customerLanguage', tr('settings.customerLanguage'))}
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
          {check('soundsOn', tr('settings.sounds'))}
          {text('idleLockMinutes', 'idleLockMinutes', tr('settings.idleLockMinutes'), {
            type: 'number',
            inputMode: 'numeric',
          })}
          {check('shiftPerDay', tr('settings.shiftPerDay'))}
          <StartWithComputerField
            value={draft.startWithComputer}
            onChange={(v) => set('startWithComputer', v)}
          />
        </fieldset>
        <fieldset className="settings-receipts">
          <legend>{tr('settings.groupReceipts')}</legend>
          {text('shopName', 'shop.name', tr('settings.shopName'))}
          {text('shopAddress', 'shop.address', tr('settings.shopAddress'))}
          {text('shopPhone', 'shop.phone', tr('settings.shopPhone'))}
          <Field label={tr('settings.printer')}>
            <select
              value={draft.printer}
              onChange={(e) => set('printer', e.target.value as SettingsDraft['printer'])}
            >
              {PRINTERS.map((p) => (
                <option key={p} value={p}>
                  {tr(`printer.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          {draft.printer !== 'none' && draft.printer !== 'screen' && (
            <>
              {text('printerTarget', 'receipts.target', tr('settings.printerTarget'))}
              <p className="hint">{tr('settings.printerTargetHint')}</p>
            </>
          )}
          <div className="pair">
            <Field label={tr('settings.paper')}>
              <select
                value={draft.paper}
                onChange={(e) => set('paper', e.target.value as SettingsDraft['paper'])}
              >
                <option value="80mm">{tr('settings.paper80mm')}</option>
                <option value="58mm">{tr('settings.paper58mm')}</option>
              </select>
            </Field>
            <Field label={tr('settings.chinese')}>
              <select
                value={draft.chinese}
                onChange={(e) => set('chinese', e.target.value as SettingsDraft['chinese'])}
              >
                <option value="gb18030">{tr('chinese.gb18030')}</option>
                <option value="raster">{tr('chinese.raster')}</option>
              </select>
            </Field>
          </div>
          <Field label={tr('settings.afterPaid')}>
            <select
              value={draft.afterPaid}
              onChange={(e) => set('afterPaid', e.target.value as SettingsDraft['afterPaid'])}
            >
              {AFTER_PAID.map((a) => (
                <option key={a} value={a}>
                  {tr(`afterPaid.${a}`)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>{tr('settings.callback')}</legend>
          {check('callbackEnabled', tr('settings.callbackEnabled'))}
          {text('callbackHost', 'callback.bindHost', tr('settings.callbackHost'))}
          {text('callbackPort', 'callback.port', tr('settings.callbackPort'), { inputMode: 'numeric' })}
          {text('callbackUrl', 'callback.publicUrl', tr('settings.callbackUrl'), { inputMode: 'url' })}
        </fieldset>
        <fieldset className="settings-scanners">
          <legend>{tr('settings.scanners')}</legend>
          {check('serialEnabled', tr('settings.serialEnabled'))}
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
          {text('serialPath', 'scanners.serial.path', tr('settings.serialPathOther'))}
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
            {text('serialPrefix', 'scanners.serial.prefix', tr('settings.prefix'))}
            {text('serialSuffix', 'scanners.serial.suffix', tr('settings.suffix'))}
          </div>
          {check('wedgeEnabled', tr('settings.wedgeEnabled'))}
        </fieldset>
        <div className="settings-actions">
          <ErrorNote message={error} />
          {saved && (
            <p className="notice" role="status">
              {tr('settings.saved')}
            </p>
          )}
          <button type="submit" className="primary">
            {tr('common.save')}
          </button>
        </div>
      </form>
      <div className="settings-extras">
        <SignKeyAndPin />
        <StoreSyncSettings />
        <PosApiSettings />
        <CustomerSideSettings />
        <ScannerTest />
        <ReceiptTestPage />
        <AboutUpdates />
      </div>
      {asking && <PinDialog title={tr('pin.title')} onConfirm={save} onClose={() => setAsking(false)} />}
    </section>
  );
}
