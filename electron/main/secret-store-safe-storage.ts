// The SecretStore for Electron: each secret encrypted with safeStorage (DPAPI on Windows, the
// keyring on Linux) in a 0600 file in the data folder. No plain-text fallback: where the OS offers no
// secure storage, setting a secret fails with a message the cashier can act on.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/result.ts';
import type { SecretName, SecretStore } from '../core/config/secret-store.ts';

/**
 * The parts of Electron's safeStorage this uses: only its asynchronous API. The synchronous one blocks
 * the main thread while a locked keyring (an auto-login kiosk) shows its unlock prompt, so no till window
 * would appear (docs/api/safe-storage.md: the sync calls "can block the current thread to collect user
 * input"; Electron 45 deprecates them). decryptStringAsync also reads what encryptString wrote.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: 'basic_text' means a hard-coded key, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/**
 * On Linux, Chromium's fallback key provider (no Secret Service answered) encrypts with a hard-coded
 * password and tags its output 'v10'; a keyring's key is tagged 'v11' (os_crypt). Such bytes protect nothing.
 */
function hardCodedKey(encrypted: Buffer, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && encrypted.subarray(0, 3).toString('latin1') === 'v10';
}

export const NO_SECURE_STORAGE_MESSAGE =
  'This computer offers no secure storage for the sign key and PIN: Windows could not encrypt them ' +
  'for this user (DPAPI). Log in to Windows as this user with its password, then restart the till.';

/**
 * Linux: the shell asks for libsecret (`--password-store=gnome-libsecret`, linux-switches.ts), so a
 * missing keyring means no Secret Service answered: the packages below provide one. The renderer
 * words it in the operator's language (errorReason.no-keyring).
 */
export const NO_KEYRING_MESSAGE =
  'This computer has no keyring to keep the sign key and PIN encrypted. Install the gnome-keyring ' +
  'and libsecret-1-0 packages (sudo apt install gnome-keyring libsecret-1-0), log out and back in so ' +
  'the keyring starts unlocked, then restart the till.';

/** Resolves once the OS store answers (a locked keyring: once it is unlocked); never blocks main. */
export async function secureStorageProblem(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<string | null> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'linux') {
    // basic_text is a key hard-coded in Chromium: no protection at all.
    return !available || safeStorage.getSelectedStorageBackend?.() === 'basic_text'
      ? NO_KEYRING_MESSAGE
      : null;
  }
  return available ? null : NO_SECURE_STORAGE_MESSAGE;
}

type Stored = Partial<Record<SecretName, string>>; // base64 of the encrypted bytes

export function createSafeStorageSecretStore(
  path: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const read = (): Stored => {
    if (!existsSync(path)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Stored) : {};
    } catch {
      throw new AppError('STORAGE', 'The secrets file is damaged — set the sign key and PIN again');
    }
  };
  const refuse = (problem: string) =>
    new AppError('STORAGE', problem, false, problem === NO_KEYRING_MESSAGE ? 'no-keyring' : undefined);
  const requireSecure = async () => {
    const problem = await secureStorageProblem(safeStorage, platform);
    if (problem) throw refuse(problem);
  };
  const write = (next: Stored) => {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  };
  const encrypt = async (value: string): Promise<string> => {
    const encrypted = await safeStorage.encryptStringAsync(value);
    if (hardCodedKey(encrypted, platform)) throw refuse(NO_KEYRING_MESSAGE);
    return encrypted.toString('base64');
  };
  return {
    async get(name) {
      const encoded = read()[name];
      if (typeof encoded !== 'string') return null;
      await requireSecure();
      let decrypted: { shouldReEncrypt: boolean; result: string };
      try {
        decrypted = await safeStorage.decryptStringAsync(Buffer.from(encoded, 'base64'));
      } catch {
        // e.g. the file was copied from another user or machine: its key is not ours.
        throw new AppError('STORAGE', 'A stored secret cannot be decrypted on this computer — set it again');
      }
      // The OS key was rotated: store it again under the new one (a failure keeps the old, still readable).
      if (decrypted.shouldReEncrypt) {
        await encrypt(decrypted.result)
          .then((again) => write({ ...read(), [name]: again }))
          .catch(() => {});
      }
      return decrypted.result;
    },
    async set(name, value) {
      await requireSecure();
      const encrypted = await encrypt(value);
      write({ ...read(), [name]: encrypted });
    },
    async has(name) {
      return typeof read()[name] === 'string';
    },
  };
}
