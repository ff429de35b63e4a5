// The first start of a till with no owner account makes one from the supervisor PIN it already has
// (its hash is copied, so the owner signs in with that same PIN): existing tills migrate without a
// step, and a new till's owner signs in with the documented default PIN until it is changed (unless
// an account made by `staff add` already holds that PIN; then the accounts made there are the till's).
import { DEFAULT_PIN } from '../config/defaults.ts';
import { verifyPin } from '../config/pin-hash.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { StaffDirectory } from './directory.ts';

export const FIRST_OWNER_NAME = 'Owner';

export async function ensureFirstOwner(
  directory: StaffDirectory,
  secrets: SecretStore,
  operatorId: string,
): Promise<boolean> {
  if (directory.hasActiveOwner()) return false;
  const pinHash = await secrets.get('pinHash');
  if (pinHash === null) return false;
  // PINs are unique per till: a default PIN someone was already given (staff add) is not reused.
  if ((await verifyPin(DEFAULT_PIN, pinHash)) && (await directory.findByPin(DEFAULT_PIN))) return false;
  directory.addHashed({ name: FIRST_OWNER_NAME, role: 'owner', pinHash, operatorId });
  return true;
}
