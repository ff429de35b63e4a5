// What the screens may know of the settings: all of them but the secrets, of which only "the sign
// key is set" (asked of the secret store at start and after each settings change).
import type { PublicSettings } from '../../../shared/domain.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';

export interface PublicSettingsView {
  get(): PublicSettings;
  /** Asks the secret store again whether the sign key is set. */
  refresh(): Promise<void>;
}

export async function createPublicSettings(
  settings: SettingsStore,
  secrets: SecretStore,
): Promise<PublicSettingsView> {
  let signKeySet = await secrets.has('signKey');
  return {
    get: () => ({ ...settings.get(), signKeySet }),
    async refresh() {
      signKeySet = await secrets.has('signKey');
    },
  };
}
