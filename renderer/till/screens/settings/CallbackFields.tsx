// The payment callback: whether OTTPay may call the till back, where the till listens, and the
// public address OTTPay is given.
import { useTill } from '../../till-context.ts';
import { DraftCheck, DraftText } from './draft-inputs.tsx';
import type { DraftForm } from './useSettingsForm.ts';

export function CallbackFields({ form }: { form: DraftForm }) {
  const { tr } = useTill();
  return (
    <fieldset>
      <legend>{tr('settings.callback')}</legend>
      <DraftCheck form={form} field="callbackEnabled" label={tr('settings.callbackEnabled')} />
      <DraftText
        form={form}
        field="callbackHost"
        path="callback.bindHost"
        label={tr('settings.callbackHost')}
      />
      <DraftText
        form={form}
        field="callbackPort"
        path="callback.port"
        label={tr('settings.callbackPort')}
        inputMode="numeric"
      />
      <DraftText
        form={form}
        field="callbackUrl"
        path="callback.publicUrl"
        label={tr('settings.callbackUrl')}
        inputMode="url"
      />
    </fieldset>
  );
}
