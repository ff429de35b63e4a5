// What the receipt says about the shop, which printer prints it and how, and what happens after paid.
import { useTill } from '../../till-context.ts';
import { DraftText } from './draft-inputs.tsx';
import { Field } from './Field.tsx';
import { AFTER_PAID, PRINTERS, type SettingsDraft } from './settings-draft.ts';
import type { DraftForm } from './useSettingsForm.ts';

export function ReceiptFields({ form }: { form: DraftForm }) {
  const { tr } = useTill();
  const { draft, set } = form;
  return (
    <fieldset className="settings-receipts">
      <legend>{tr('settings.groupReceipts')}</legend>
      <DraftText form={form} field="shopName" path="shop.name" label={tr('settings.shopName')} />
      <DraftText form={form} field="shopAddress" path="shop.address" label={tr('settings.shopAddress')} />
      <DraftText form={form} field="shopPhone" path="shop.phone" label={tr('settings.shopPhone')} />
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
          <DraftText
            form={form}
            field="printerTarget"
            path="receipts.target"
            label={tr('settings.printerTarget')}
          />
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
  );
}
