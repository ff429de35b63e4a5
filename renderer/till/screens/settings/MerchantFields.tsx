// Who the till is to OTTPay: merchant, operator, terminal, and the gateway it talks to.
import { useTill } from '../../till-context.ts';
import { DraftText } from './draft-inputs.tsx';
import type { DraftForm } from './useSettingsForm.ts';

export function MerchantFields({ form }: { form: DraftForm }) {
  const { tr } = useTill();
  return (
    <fieldset>
      <legend>{tr('settings.groupMerchant')}</legend>
      <DraftText form={form} field="merchantId" path="merchantId" label={tr('settings.merchantId')} />
      <DraftText
        form={form}
        field="operatorId"
        path="operatorId"
        label={tr('settings.operatorId')}
        inputMode="numeric"
      />
      <DraftText form={form} field="terminalNo" path="terminalNo" label={tr('settings.terminalNo')} />
      <DraftText
        form={form}
        field="gatewayUrl"
        path="gatewayUrl"
        label={tr('settings.gatewayUrl')}
        inputMode="url"
      />
    </fieldset>
  );
}
