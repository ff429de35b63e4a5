// Scripted installs set the central database at start: `--store-pg URL --store-id ID`, or TILL_STORE_PG
// and TILL_STORE_ID (the flags win). The values are saved to the settings like a supervisor's change; a
// password written into the URL is moved to the secret store and never saved in the settings file.
import { AppError } from '../../../shared/result.ts';
import { storeSyncSettingsSchema } from '../../../shared/store-sync.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';

export interface StoreStartValues {
  url?: string | null | undefined;
  storeId?: string | null | undefined;
}

export function storeStartValues(
  flags: StoreStartValues,
  env: Record<string, string | undefined>,
): StoreStartValues {
  const pick = (flag: string | null | undefined, name: string) => {
    const v = flag ?? env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  return { url: pick(flags.url, 'TILL_STORE_PG'), storeId: pick(flags.storeId, 'TILL_STORE_ID') };
}

/** Saves what was given; returns true when anything changed. Bad values stop the start, naming the flag. */
export async function applyStoreStartValues(
  values: StoreStartValues,
  settings: SettingsStore,
  secrets: SecretStore,
): Promise<boolean> {
  if (values.url === undefined && values.storeId === undefined) return false;
  const current = settings.get().storeSync;
  let url = values.url ?? current.url;
  let password: string | null = null;
  if (values.url) {
    try {
      const u = new URL(values.url);
      if (u.password) {
        password = decodeURIComponent(u.password);
        u.password = '';
        url = u.toString();
      }
    } catch {
      // Left as given: the schema below names the problem.
    }
  }
  const next = { ...current, url, storeId: values.storeId ?? current.storeId };
  const parsed = storeSyncSettingsSchema.safeParse(next);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const flag = first?.path[0] === 'storeId' ? '--store-id / TILL_STORE_ID' : '--store-pg / TILL_STORE_PG';
    throw new AppError('VALIDATION', `${flag}: ${first?.message ?? 'invalid'}`);
  }
  if (password !== null) await secrets.set('storePgPassword', password);
  if (JSON.stringify(parsed.data) === JSON.stringify(current)) return password !== null;
  settings.update({ storeSync: parsed.data });
  return true;
}
