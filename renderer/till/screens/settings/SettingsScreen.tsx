import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { useTill } from '../../till-context.ts';
import { PinDialog } from '../PinDialog.tsx';
import { AboutUpdates } from './AboutUpdates.tsx';
import { CallbackFields } from './CallbackFields.tsx';
import { CustomerSideSettings } from './CustomerSideSettings.tsx';
import { DisplayFields } from './DisplayFields.tsx';
import { MerchantFields } from './MerchantFields.tsx';
import { PosApiSettings } from './PosApiSettings.tsx';
import { ReceiptFields } from './ReceiptFields.tsx';
import { ReceiptTestPage } from './ReceiptTestPage.tsx';
import { SaleFields } from './SaleFields.tsx';
import { ScannerFields } from './ScannerFields.tsx';
import { ScannerTest } from './ScannerTest.tsx';
import { SignKeyAndPin } from './SignKeyAndPin.tsx';
import { StoreSyncSettings } from './StoreSyncSettings.tsx';
import { useSettingsForm } from './useSettingsForm.ts';

/**
 * The Settings tab: first the till's settings, one form whose every change is sent as one patch with
 * the supervisor PIN; then the cards that save on their own (the sign key is write-only).
 */
export function SettingsScreen() {
  const { tr } = useTill();
  const { form, submit, outcome, dialog } = useSettingsForm();
  return (
    <section className="settings">
      <h2>{tr('settings.title')}</h2>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MerchantFields form={form} />
        <SaleFields form={form} />
        <DisplayFields form={form} />
        <ReceiptFields form={form} />
        <CallbackFields form={form} />
        <ScannerFields form={form} />
        <div className="settings-actions">
          <SaveOutcome {...outcome} />
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
      {dialog && <PinDialog title={tr('pin.title')} {...dialog} />}
    </section>
  );
}
