// Tests that take payments through a till core sign its first owner in (the sandbox's default PIN).
import type { TillCore } from '../../electron/core/app/till-core.ts';
import { dispatch } from '../../electron/core/dispatch.ts';

export const OWNER_PIN = '1234';

export async function signIn(core: TillCore, pin = OWNER_PIN): Promise<void> {
  const r = await dispatch(core, 'till', 'staff.signIn', { pin });
  if (!r.ok) throw new Error(`sign-in refused: ${JSON.stringify(r.error)}`);
}
