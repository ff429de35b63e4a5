import { useEffect, useState } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { PinDialog } from './screens/PinDialog.tsx';
import { run, useTill } from './till-context.ts';

/**
 * Electron kiosk mode: when something tries to close the till (Alt+F4, the menu's Exit, Ctrl+Q), the
 * shell holds it back and asks for the supervisor PIN here; the core checks it and the shell quits.
 */
export function KioskQuit() {
  const { api, tr } = useTill();
  const [asking, setAsking] = useState(false);
  useEffect(() => api.on('shell.quitRequested', () => setAsking(true)), [api]);
  if (!asking) return null;
  const confirm = async (pin: string): Promise<string | null> => {
    const result = await run(api, 'shell.quit', { pin });
    if (!result.ok) return errorText(tr, result.error);
    setAsking(false);
    return null;
  };
  return (
    <PinDialog
      title={tr('kiosk.quitTitle')}
      confirmLabel={tr('kiosk.quitTitle')}
      onConfirm={confirm}
      onClose={() => setAsking(false)}
    >
      <p>{tr('kiosk.quitHint')}</p>
    </PinDialog>
  );
}
