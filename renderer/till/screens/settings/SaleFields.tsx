// What a sale may be: currency, the largest amount and tip, the tip buttons, the wallets offered and
// how long a QR code stays payable.
import { WALLETS } from '../../../../shared/domain.ts';
import { CURRENCIES, type Currency } from '../../../../shared/money.ts';
import { useTill } from '../../till-context.ts';
import { DraftText } from './draft-inputs.tsx';
import { Field } from './Field.tsx';
import { TIP_PRESET_SLOTS } from './settings-draft.ts';
import type { DraftForm } from './useSettingsForm.ts';

export function SaleFields({ form }: { form: DraftForm }) {
  const { tr } = useTill();
  const { draft, set, invalid } = form;
  const toggleWallet = (wallet: (typeof WALLETS)[number], on: boolean) =>
    set('wallets', on ? [...draft.wallets, wallet] : draft.wallets.filter((w) => w !== wallet));
  return (
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
      <DraftText
        form={form}
        field="maxAmount"
        path="maxAmountCents"
        label={tr('settings.maxAmount')}
        inputMode="decimal"
      />
      <DraftText
        form={form}
        field="maxTipPercent"
        path="maxTipPercent"
        label={tr('settings.maxTipPercent')}
        inputMode="numeric"
      />
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
      <DraftText
        form={form}
        field="qrExpirySeconds"
        path="qrExpirySeconds"
        label={tr('settings.qrExpiry')}
        type="number"
        inputMode="numeric"
      />
    </fieldset>
  );
}
