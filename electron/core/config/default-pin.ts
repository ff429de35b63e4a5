// A till with no PIN yet gets the documented default: the first owner account is made from it
// (staff/first-owner.ts), and the README tells the shop to change it at once.
import { DEFAULT_PIN } from './defaults.ts';
import { hashPin } from './pin-hash.ts';
import type { SecretStore } from './secret-store.ts';

export async function ensureDefaultPin(secrets: SecretStore): Promise<void> {
  if (!(await secrets.has('pinHash'))) await secrets.set('pinHash', await hashPin(DEFAULT_PIN));
}
